/** Instants of actions are kept to the second: what officers see and what the law counts. */
export const nowToSecond = (): number => Math.floor(Date.now() / 1000) * 1000;
