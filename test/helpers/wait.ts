/** The one way tests wait: on a condition, never on the clock (the implementation: tools/wait.ts). */
export * from '../../tools/wait';
