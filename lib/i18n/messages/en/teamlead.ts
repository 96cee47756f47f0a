/** The teamlead cabinet's strings (keys under "teamlead."). */
export const teamlead = {};
