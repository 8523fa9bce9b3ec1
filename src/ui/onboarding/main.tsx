/** Onboarding entry (opened by the background on first install): wires <Onboarding>. */
import { render } from 'preact'
import '../styles.css'
import { AppContext } from '../app-context'
import { createAppDeps, withBrowser } from '../runtime'
import { Onboarding } from './onboarding'

const deps = createAppDeps()
document.title = deps.i18n.t('onb_title')

const openOptions = () =>
  withBrowser(
    (browser) => browser.runtime.openOptionsPage(),
    () => window.open('../options/index.html', '_blank'),
  )

render(
  <AppContext.Provider value={deps}>
    <Onboarding openOptions={openOptions} finish={() => window.close()} />
  </AppContext.Provider>,
  document.getElementById('app')!,
)
