// `npm run demo`: the main job. Filled in by the services issue; until then it says what is missing.
process.stderr.write(
  '[demo] the demo (emulator + local X-Ray + three services) is not built yet\n',
);
process.exitCode = 1;
