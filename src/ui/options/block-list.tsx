/** The weekly blocks: add, edit, delete with an undo. */
import { useRef, useState } from 'preact/hooks'
import type { WeeklyBlock } from '../../core/schedule/schema'
import { BLOCKS_MAX } from '../../core/schedule/schema'
import { useApp } from '../app-context'
import { BlockEditor } from './block-editor'
import { fieldId, newBlock, newId } from './draft'

interface Props {
  blocks: readonly WeeklyBlock[]
  onChange: (blocks: WeeklyBlock[]) => void
}

export function BlockList({ blocks, onChange }: Props) {
  const { i18n, now } = useApp()
  const [deleted, setDeleted] = useState<{ block: WeeklyBlock; index: number } | null>(null)
  const undoRef = useRef<HTMLButtonElement>(null)

  const add = () => {
    const block = newBlock(blocks, i18n.t('opt_newBlockLabel'), newId(now()))
    onChange([...blocks, block])
    setDeleted(null)
    // After the render that adds it: focus the new block's name.
    setTimeout(() => document.getElementById(fieldId(`blocks.${blocks.length}.label`))?.focus())
  }
  const remove = (index: number) => {
    const block = blocks[index]
    if (!block) return
    onChange(blocks.filter((_, i) => i !== index))
    setDeleted({ block, index })
    setTimeout(() => undoRef.current?.focus())
  }
  const undo = () => {
    if (!deleted) return
    const next = [...blocks]
    next.splice(Math.min(deleted.index, next.length), 0, deleted.block)
    onChange(next)
    setDeleted(null)
    setTimeout(() => document.getElementById(fieldId(`blocks.${deleted.index}.label`))?.focus())
  }

  return (
    <>
      <div class="undo-slot" aria-live="polite">
        {deleted && (
          <div class="undo">
            <p>{i18n.t('opt_deleted', deleted.block.label.trim() || '—')}</p>
            <button ref={undoRef} type="button" class="btn" onClick={undo}>
              {i18n.t('opt_undo')}
            </button>
          </div>
        )}
      </div>
      {blocks.length === 0 ? (
        <p class="empty">{i18n.t('opt_noBlocks')}</p>
      ) : (
        <ul class="block-list">
          {blocks.map((b, i) => (
            <BlockEditor
              key={b.id}
              block={b}
              index={i}
              onChange={(changed) => onChange(blocks.map((x, j) => (j === i ? changed : x)))}
              onDelete={() => remove(i)}
            />
          ))}
        </ul>
      )}
      <button type="button" class="btn" disabled={blocks.length >= BLOCKS_MAX} onClick={add}>
        {i18n.t('opt_addBlock')}
      </button>
    </>
  )
}
