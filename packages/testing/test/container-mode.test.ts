import { describe, expect, it } from 'vitest';
import { missingPackageError } from '../src/emulator/container-mode.ts';

describe('missingPackageError', () => {
  describe('when testcontainers is not installed', () => {
    it('names the optional peer and the install command', () => {
      const cause = new Error(
        "Cannot find package '@testcontainers/localstack' imported from /app/x.js",
      );
      const error = missingPackageError(cause);
      expect(error?.message).toBe(
        'container mode needs @testcontainers/localstack, an optional peer dependency of ' +
          '@otel-xray/testing: npm install --save-dev testcontainers @testcontainers/localstack ' +
          "(or use mode 'host' or 'external')",
      );
      expect(error?.cause).toBe(cause);
    });
  });

  describe('for any other error', () => {
    it('gives undefined', () => {
      expect(missingPackageError(new Error('port is already allocated'))).toBeUndefined();
      expect(missingPackageError("Cannot find package 'left-pad'")).toBeUndefined();
    });
  });
});
