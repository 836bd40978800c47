/** @module lifecycle — the statecharts with business meaning (step clock, dossier lifecycle) and their figures. */
export * from './working-time';
export * from './working-clock';
export * from './classify';
export * from './apply-machine-event';
export * from './step-clock-machine';
export * from './progress-record';
export * from './dossier-event';
export * from './dossier-lifecycle-machine';
export * from './apply-dossier-event';
export * from './delay-attribution';
export * from './compute-statistics';
