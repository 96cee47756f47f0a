/** The support cabinet's strings (keys under "support."). */
export const support = {};
