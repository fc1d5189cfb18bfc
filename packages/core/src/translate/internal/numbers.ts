// Go-compatible integer parsing (strconv.Atoi / ParseInt): the whole string must be an integer.

/** `strconv.Atoi`: optional sign then decimal digits only; anything else (or overflow) gives 0. */
export function atoi(text: string): number {
  let i = 0;
  let sign = 1;
  const first = text.charCodeAt(0);
  if (first === 43 /* + */ || first === 45 /* - */) {
    sign = first === 45 ? -1 : 1;
    i = 1;
  }
  if (i >= text.length) return 0;
  let value = 0;
  for (; i < text.length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return 0;
    value = value * 10 + digit;
  }
  return Number.isSafeInteger(value) ? sign * value : 0;
}
