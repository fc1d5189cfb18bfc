// Entry `@otel-xray/testing/global-setup`: list it in vitest `globalSetup` for the defaults (emulator
// mode auto, in-process local X-Ray). Use createGlobalSetup() for other choices.
import { createGlobalSetup } from './setup/global-setup.ts';

const defaults = createGlobalSetup();

/** Starts the emulator and a local X-Ray; see createGlobalSetup. */
export const setup = defaults.setup;
/** Stops them. */
export const teardown = defaults.teardown;
