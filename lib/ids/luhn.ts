/**
 * The Luhn check digit of card numbers: the card form refuses a number that fails it (a
 * mistyped digit, caught before a customer pays to it), and tests make valid numbers with it.
 */
export function luhnCheckDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let digit = Number(body[body.length - 1 - i]);
    // Every second digit from the right of the full number, i.e. from the body's last digit on.
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return String((10 - (sum % 10)) % 10);
}

/** Whether a string of digits ends in its own Luhn check digit. */
export function luhnValid(digits: string): boolean {
  return /^\d{2,}$/.test(digits) && luhnCheckDigit(digits.slice(0, -1)) === digits.slice(-1);
}
