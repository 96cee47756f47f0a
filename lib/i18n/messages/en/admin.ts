/** The admin cabinet's strings (keys under "admin."). */
export const admin = {};
