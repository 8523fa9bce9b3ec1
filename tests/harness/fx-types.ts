// Types of what the fixture pages (tests/fixtures/*.js) put on `window`, for page.evaluate.
// Import it for its side effect: `import './harness/fx-types'`.

/** 'blank-src' and 'blank-srcdoc': like 'blank', but the iframe has a src/srcdoc set first. */
export type Via = 'ctor' | 'iframe' | 'blank' | 'blank-src' | 'blank-srcdoc' | 'sw' | 'sw-self'
export type FxEventType = 'show' | 'click' | 'close' | 'error'

export interface NotifyArgs {
  /** Usually a string; Messenger passes React-element-like objects. */
  title: unknown
  body?: unknown
  tag?: string
  data?: unknown
  icon?: string
  silent?: boolean
  requireInteraction?: boolean
  via?: Via
}

export interface FxLogEntry {
  id: number
  type: FxEventType
  /** 'on': the onX handler; 'listener': addEventListener; 'sw': via /sw.js; 'promise': the
   * showNotification promise resolved; 'throw': the call threw (`message` says why). */
  how: 'on' | 'listener' | 'sw' | 'promise' | 'throw'
  message?: string
}

export interface Fx {
  notify(args: NotifyArgs): Promise<number>
  log: FxLogEntry[]
  notes: Record<number, Notification>
  /** Times a notification's own onclick ran. */
  clicks: number
  /** The conversation the last click "opened" (its tag, or the id), also in `#opened`. */
  opened: string | null
  lastBlank: { id: number; Ctor: typeof Notification; frame: HTMLIFrameElement } | null
  swRegistered: Promise<boolean>
  swError: string | null
  samples: NotifyArgs[]
  notifySample(i?: number, via?: Via): Promise<number>
}

export interface ApiCheck {
  permission: NotificationPermission
  typeofRequestPermission: string
  requested: string
  requestedViaCallback: string
  maxActions: number
  instanceOf: boolean
  ctorName: string
  ctorLength: number
  readback:
    | { title: string; body: string; tag: string; data: unknown; icon: string; silent: boolean }
    | string
  hasClose: boolean
  xInstanceOf: boolean | string
}

export interface Observed {
  kind: 'dispatch' | 'addEventListener' | 'event' | 'probe-error' | 'runtime-reply'
  type?: string
  target?: string
  where?: string
  detail?: unknown
  related?: boolean
  message?: string
  /** Who made the call, from the stack: Margen's scripts ('extension'), page code ('page'), or
   * unknown because the event arrived asynchronously ('async'). */
  from: 'extension' | 'page' | 'async'
  /** The first stack frames outside hostile.js. */
  frames: string[]
}

export interface Hostile {
  mark: string
  observed: Observed[]
  /** Calls left out because they came from the test driver's injected code. */
  ignored: number
  done: boolean
  runtime?: 'present' | 'absent'
  runtimeError?: string
  probe(opts?: { extensionId?: string }): Promise<Observed[]>
}

export interface TtResult {
  trustedTypes: string
  defaultPolicy: 'set' | 'none'
  innerHTMLBlocked: boolean
  evalBlocked: boolean
  notification: string
}

declare global {
  interface Window {
    fx: Fx
    result?: ApiCheck
    hostile?: Hostile
    observed?: Observed[]
    ttResult?: TtResult
  }
}
