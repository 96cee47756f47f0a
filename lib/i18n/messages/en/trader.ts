/** The trader cabinet's strings (keys under "trader."). */
export const trader = {};
