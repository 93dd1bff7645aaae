#!/usr/bin/env bash
# Copies the renditions a build wrote to _photos/ to the photo host's storage with rclone, which
# uploads only the files the bucket does not hold yet: names never change (they are hashes of
# what made the file), so a name that is there is the file, and nothing is ever replaced or
# deleted there (older pages, feeds and caches may still link any of them).
#
# The storage is rclone's remote `photos`, configured by environment variables only, so no
# credential is ever in a file: for S3 and the stores that speak it (R2, B2, GCS, MinIO)
#   RCLONE_CONFIG_PHOTOS_TYPE=s3  RCLONE_CONFIG_PHOTOS_PROVIDER=...  RCLONE_CONFIG_PHOTOS_ENDPOINT=...
#   RCLONE_CONFIG_PHOTOS_ACCESS_KEY_ID=...  RCLONE_CONFIG_PHOTOS_SECRET_ACCESS_KEY=...
# and PHOTOS_BUCKET, the bucket and path under it, e.g. `dateline-photos` or `media/photos`.
# The deploy workflow sets them from repository secrets and variables.
#
#   bash scripts/upload-photos.sh [folder]     (default _photos)
set -euo pipefail
: "${PHOTOS_BUCKET:?set PHOTOS_BUCKET to the bucket (and path) the photo host serves}"
src="${1:-_photos}"

# One pass a format, each with its type: stores guess types from extensions, and not every
# guess knows AVIF. Immutable: a name never holds other bytes.
for pair in avif:image/avif webp:image/webp jpg:image/jpeg; do
	ext="${pair%%:*}"
	rclone copy "$src" "photos:$PHOTOS_BUCKET" \
		--include "*.$ext" \
		--ignore-existing \
		--no-traverse \
		--header-upload "Cache-Control: public, max-age=31536000, immutable" \
		--header-upload "Content-Type: ${pair#*:}" \
		--transfers 16 \
		--verbose
done
