import bcrypt from "bcryptjs";

const COST = 10;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

// A real hash of a random string: comparing against it when the email is unknown costs the
// same time as a real check, so response time does not reveal whether the account exists.
const DUMMY_HASH = "$2b$10$XHV/A8nAsIlPFW7jAoUhG.nr5BTSMCZkJtgj9O.jJLzwQz8aiQZdC";

export async function verifyPassword(password: string, hash: string | null): Promise<boolean> {
  const ok = await bcrypt.compare(password, hash ?? DUMMY_HASH);
  return hash !== null && ok;
}
