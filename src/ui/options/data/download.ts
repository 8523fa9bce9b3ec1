/**
 * Saves a file the page built, through a Blob and an `<a download>`: nothing leaves the
 * computer, and no `downloads` permission is needed. Passed in as a prop so that component
 * tests can read the file instead of saving it.
 */
export interface OutFile {
  parts: BlobPart[]
  type: string
  name: string
}

export type SaveFile = (file: OutFile) => void

export const download: SaveFile = ({ parts, type, name }) => {
  const url = URL.createObjectURL(new Blob(parts, { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.hidden = true
  document.body.append(a)
  a.click()
  a.remove()
  // Revoked later, not at once: the browser reads the Blob after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
