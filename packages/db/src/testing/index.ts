export * from './postgres-cluster.ts';
export * from './test-databases.ts';
