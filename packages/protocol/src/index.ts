export * from './common.js';
export * from './errors.js';
export * from './commands.js';
export * from './views.js';
export * from './view-patch.js';
export * from './events.js';
export * from './rest.js';
export * from './socket.js';
