/** Onboarding entry (opened by the background on first install): wires <Onboarding>. */
import { render } from 'preact'
import '../styles.css'
import { AppContext } from '../app-context'
import { createAppDeps, loadBrowser } from '../runtime'
import { Onboarding } from './onboarding'

const browser = await loadBrowser()
const deps = createAppDeps(browser)
document.title = deps.i18n.t('onb_title')

const openOptions = () => {
  if (browser) void browser.runtime.openOptionsPage()
  else window.open('../options/index.html', '_blank')
}

render(
  <AppContext.Provider value={deps}>
    <Onboarding openOptions={openOptions} finish={() => window.close()} />
  </AppContext.Provider>,
  document.getElementById('app')!,
)
