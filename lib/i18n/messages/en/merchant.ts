/** The merchant cabinet's strings (keys under "merchant."). */
export const merchant = {};
