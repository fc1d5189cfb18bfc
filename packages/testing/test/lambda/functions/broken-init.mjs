// Test function whose module throws while loading (an init error).
throw new Error('cannot start: missing configuration');
