/** Options page entry: wires the browser, the database and the text into <Options>. */
import { render } from 'preact'
import '../styles.css'
import { AppContext } from '../app-context'
import { createAppDeps } from '../runtime'
import { Options } from './options'

const deps = createAppDeps()
document.title = deps.i18n.t('opt_title')

render(
  <AppContext.Provider value={deps}>
    <Options />
  </AppContext.Provider>,
  document.getElementById('app')!,
)
