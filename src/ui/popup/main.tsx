/** Popup entry: wires the browser, the database and the text into <Popup>. */
import { render } from 'preact'
import '../styles.css'
import { AppContext } from '../app-context'
import { createAppDeps, withBrowser } from '../runtime'
import { Popup } from './popup'

const REVIEW_PAGE = 'src/ui/review/index.html'

const deps = createAppDeps()
document.title = deps.i18n.t('extName')

const openReview = () =>
  withBrowser(
    (browser) =>
      browser.tabs.create({ url: browser.runtime.getURL(REVIEW_PAGE) }).then(() => window.close()),
    () => window.open('../review/index.html', '_blank'),
  )

const openOptions = () =>
  withBrowser(
    (browser) => browser.runtime.openOptionsPage().then(() => window.close()),
    () => window.open('../options/index.html', '_blank'),
  )

render(
  <AppContext.Provider value={deps}>
    <Popup openReview={openReview} openOptions={openOptions} />
  </AppContext.Provider>,
  document.getElementById('app')!,
)
