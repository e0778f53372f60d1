import { useState } from 'react';
import type { ImageSummary } from '@contract';
import { getApi } from '../../api';
import { formatBytes } from '../../ui/format-bytes';
import { showToast } from '../../ui/toasts';
import { ConfirmDialog } from './confirm-dialog';
import { imageTitle, shortId } from './images-list';

/** Asks which tag (or the whole image) to remove; Docker's refusal stays readable in the dialog. */
export function ImageRemoveDialog({
  image,
  onClose,
  onRemoved,
}: {
  image: ImageSummary;
  onClose: () => void;
  onRemoved: () => void;
}) {
  const whole = '__image__';
  const [choice, setChoice] = useState(image.tags.length > 1 ? (image.tags[0] ?? whole) : whole);
  const removingImage = choice === whole;
  const force = removingImage && image.tags.length > 1;
  const ref = removingImage
    ? image.tags.length === 1
      ? (image.tags[0] ?? image.id)
      : image.id
    : choice;
  const cliRef = ref.startsWith('sha256:') ? shortId(ref) : ref;
  return (
    <ConfirmDialog
      title={`Remove ${imageTitle(image)}?`}
      cli={`docker rmi${force ? ' -f' : ''} ${cliRef}`}
      confirmLabel={removingImage ? 'Remove image' : 'Remove tag'}
      onClose={onClose}
      onConfirm={() =>
        getApi()
          .call('images.remove', { ref, force })
          .then((r) => {
            showToast({
              tone: 'ok',
              title: r.deleted.length
                ? `Removed ${imageTitle(image)}`
                : `Untagged ${r.untagged.join(', ')}`,
              body: r.deleted.length
                ? `${r.deleted.length} layer record(s) deleted, ${formatBytes(r.reclaimedBytes)} freed.`
                : 'The image stays under its other tags.',
            });
            if (r.deleted.length) onRemoved();
          })
      }
    >
      {image.tags.length > 1 && (
        <fieldset className="rb-choices">
          <legend>This image has {image.tags.length} tags (names for the same image).</legend>
          {image.tags.map((tag) => (
            <label key={tag} className="rb-check">
              <input
                type="radio"
                name="rm-choice"
                checked={choice === tag}
                onChange={() => setChoice(tag)}
              />
              Only the tag <code>{tag}</code> (frees nothing)
            </label>
          ))}
          <label className="rb-check">
            <input
              type="radio"
              name="rm-choice"
              checked={removingImage}
              onChange={() => setChoice(whole)}
            />
            The image with all its tags
          </label>
        </fieldset>
      )}
      {removingImage && (
        <p>
          Frees about <strong>{formatBytes(image.uniqueSize)}</strong>
          {image.sharedSize > 0 && (
            <> ({formatBytes(image.sharedSize)} stays: other images share those layers)</>
          )}
          .
        </p>
      )}
      {image.containers > 0 && (
        <p className="rb-warn-text">
          {image.containers} container{image.containers > 1 ? 's use' : ' uses'} this image: Docker
          refuses until {image.containers > 1 ? 'they are' : 'it is'} removed.
        </p>
      )}
      {image.berthOwner && (
        <p className="rb-warn-text">
          Berth made this image; demos build it again when they need it.
        </p>
      )}
    </ConfirmDialog>
  );
}
