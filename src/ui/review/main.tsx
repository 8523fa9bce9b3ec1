/** Review page entry: reads `?session=` and wires the browser, database and text into <Review>. */
import { render } from 'preact'
import '../styles.css'
import { AppContext } from '../app-context'
import { createAppDeps, loadBrowser } from '../runtime'
import { Review } from './review'

const deps = createAppDeps(await loadBrowser())
document.title = deps.i18n.t('review_title')

const params = new URLSearchParams(location.search)
const showAll = () => history.replaceState(null, '', location.pathname)

render(
  <AppContext.Provider value={deps}>
    <Review session={params.get('session')} onShowAll={showAll} />
  </AppContext.Provider>,
  document.getElementById('app')!,
)
