export const HEARTBEAT_CHECK_JOB = 'heartbeat.check';
export const heartbeatCheckKey = (integrationId: string) => `heartbeat.check:${integrationId}`;
