/** Review page entry: reads `?session=` and wires the browser, database and text into <Review>. */
import { render } from 'preact'
import '../styles.css'
import { openDb } from '../../store/db'
import { readHeldEarly, takeEarlyRead } from '../../store/early-read'
import { AppContext } from '../app-context'
import { createAppDeps } from '../runtime'
import { createHeldSource } from './held-source'
import { Review } from './review'

// The held captures are read first, without Dexie (see held-source.ts): with 10,000 of them the
// read is most of the page's first paint. The page's start-up script has begun it already
// (early-start.ts); without it (the dev server), it begins here.
const early = takeEarlyRead() ?? readHeldEarly()
const db = openDb()
const source = createHeldSource(db, early)
const deps = createAppDeps(db)
document.title = deps.i18n.t('review_title')

/** How long the first frame waits for the held captures before it shows "Loading…". */
const FIRST_FRAME_WAIT_MS = 100

const params = new URLSearchParams(location.search)
const showAll = () => history.replaceState(null, '', location.pathname)

const draw = () =>
  render(
    <AppContext.Provider value={deps}>
      <Review session={params.get('session')} onShowAll={showAll} source={source} />
    </AppContext.Provider>,
    document.getElementById('app')!,
  )

// The first frame is the list itself when the read is in soon, as it mostly is by now: a
// "Loading…" frame first would only delay it (its styles, layout and paint come before the
// read's answer is handled). A longer read (10,000 held) shows the loading state meanwhile.
void Promise.race([early, new Promise((wait) => setTimeout(wait, FIRST_FRAME_WAIT_MS))]).then(draw)
