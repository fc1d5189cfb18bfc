export { startHostLocalStack, hostModeEnvironment, findVenv } from './emulator/host-mode.ts';
export type { HostModeOptions } from './emulator/host-mode.ts';
export type { StartedEmulator, EmulatorMode } from './emulator/types.ts';
export { isPortFree, findFreePort } from './emulator/ports.ts';
