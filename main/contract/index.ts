/**
 * The one list of everything the renderer can ask the main process, and everything the main
 * process can tell it. Each feature declares its methods and events in its own file; this
 * module joins them. Nothing else defines a channel.
 */
import type { z } from 'zod';
import { appEvents, appMethods } from './app';
import { dockerEvents, dockerMethods } from './docker';
import { containersEvents, containersMethods } from './containers';
import { imagesEvents, imagesMethods } from './images';
import { demosEvents, demosMethods } from './demos';
import { annotationsEvents, annotationsMethods } from './annotations';
import { settingsEvents, settingsMethods } from './settings';
import { systemEvents, systemMethods } from './system';
import { volumesEvents, volumesMethods } from './volumes';
import { networksEvents, networksMethods } from './networks';
import { vaultEvents, vaultMethods } from './vault';
import { suggestionsEvents, suggestionsMethods } from './suggestions';
import { timelineMethods } from './timeline';
import { vaultDemosEvents, vaultDemosMethods } from './vault-demos';
import { enginesEvents, enginesMethods } from './engines';
import { canvasMethods } from './canvas';

export const methods = {
  ...vaultMethods,
  ...systemMethods,
  ...dockerMethods,
  ...containersMethods,
  ...imagesMethods,
  ...demosMethods,
  ...volumesMethods,
  ...networksMethods,
  ...annotationsMethods,
  ...settingsMethods,
  ...appMethods,
  ...suggestionsMethods,
  ...timelineMethods,
  ...vaultDemosMethods,
  ...enginesMethods,
  ...canvasMethods,
} as const;

export const events = {
  ...vaultEvents,
  ...systemEvents,
  ...dockerEvents,
  ...containersEvents,
  ...imagesEvents,
  ...demosEvents,
  ...volumesEvents,
  ...networksEvents,
  ...annotationsEvents,
  ...settingsEvents,
  ...appEvents,
  ...suggestionsEvents,
  ...vaultDemosEvents,
  ...enginesEvents,
} as const;

export type Methods = typeof methods;
export type Events = typeof events;
export type MethodName = keyof Methods;
export type EventName = keyof Events;
/** What a caller passes (before defaults are applied). */
export type ParamsIn<M extends MethodName> = z.input<Methods[M]['params']>;
/** What a handler receives (after parsing). */
export type Params<M extends MethodName> = z.output<Methods[M]['params']>;
export type Result<M extends MethodName> = z.output<Methods[M]['result']>;
export type EventPayload<E extends EventName> = z.output<Events[E]['payload']>;

/** True when `name` is a declared method. */
export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(methods, name);
}

/** True when `name` is a declared event. */
export function isEventName(name: string): name is EventName {
  return Object.prototype.hasOwnProperty.call(events, name);
}

export * from './define';
export * from './errors';
export * from './transport';
export * from './system';
export * from './docker';
export * from './containers';
export * from './images';
export * from './demos';
export * from './volumes';
export * from './networks';
export * from './annotations';
export * from './vault';
export * from './settings';
export * from './app';
export * from './suggestions';
export * from './timeline';
export * from './vault-demos';
export * from './engines';
export * from './canvas';

/** Publishes a contract event to every subscriber. Services receive one of these. */
export type Publish = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/** Undoes a subscription. Every subscription returns one. */
export type Disposer = () => void;
