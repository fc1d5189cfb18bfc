// Side-effect entry `@otel-xray/testing/matchers`: list it in vitest `setupFiles` to get the
// trace matchers in every test file without calling registerMatchers().
import { registerMatchers } from './matchers/register-matchers.ts';

registerMatchers();
