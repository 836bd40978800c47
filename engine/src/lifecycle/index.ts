/**
 * @module lifecycle — the statecharts with business meaning and their figures: the step clock (on track → nearly due
 * → overdue → escalated, paused while the dossier waits for the citizen or for fees), the dossier lifecycle (the ten
 * national status codes, progress records, apology letters), classification (form 05), delay attribution and the
 * Decision 766/QĐ-TTg statistics. No I/O and no timers: snapshots are plain JSON, wake-ups are `timer.requested`.
 *
 * @example
 * const time = toWorkingTime(createVietnamWorkingCalendar());
 * const machine = createDossierLifecycleMachine(time);
 * let step = startDossierLifecycle(machine, { dossierId, channel: 1, rules, start: { type: 'dossier.received', at } });
 * step = applyDossierEvent(machine, step.snapshot, { type: 'processing.started', at: clock.now() });
 * // store step.snapshot (optimistic concurrency), then carry out step.emitted (timers, notifications, records)
 */
export * from './working-time';
export * from './working-clock';
export * from './supplement-window';
export * from './classify';
export * from './apply-machine-event';
export * from './step-clock-machine';
export * from './progress-record';
export * from './dossier-event';
export * from './dossier-lifecycle-machine';
export * from './apply-dossier-event';
export * from './delay-attribution';
export * from './compute-statistics';
