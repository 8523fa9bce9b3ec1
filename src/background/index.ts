/**
 * Service worker entry: listeners are registered synchronously at the top level (MV3 wakes the
 * worker for an event only if its listener exists on start) and state is reconciled at every
 * wake-up, because the worker may have been stopped at any moment.
 */
import type { Runtime } from 'webextension-polyfill'
import { browser } from '../platform/browser'
import { openDb } from '../store/db'
import { createBackground } from './app'

const bg = createBackground({ browser, db: openDb(), now: Date.now })

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
  bg.route(message, sender),
)
browser.alarms.onAlarm.addListener((alarm) => void bg.onAlarm(alarm.name))
browser.notifications.onClicked.addListener((id) => void bg.onNotificationClicked(id))
browser.notifications.onButtonClicked.addListener(
  (id, index) => void bg.onNotificationButtonClicked(id, index),
)
browser.tabs.onUpdated.addListener((_id, change, tab) => {
  if (change.url || change.status === 'loading') void bg.onTabUpdated(tab)
})
browser.runtime.onStartup.addListener(() => void bg.reconcile())
browser.runtime.onInstalled.addListener((details) => void bg.onInstalled(details.reason))
// Back from sleep or a locked screen: boundaries may have passed while the machine slept.
browser.idle.onStateChanged.addListener((state) => {
  if (state === 'active') void bg.reconcile()
})
browser.commands.onCommand.addListener((command) => void bg.onCommand(command))

void bg.onStartup()
