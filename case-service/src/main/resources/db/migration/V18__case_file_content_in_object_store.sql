-- With an S3-compatible object store configured (lianluo.files.s3.bucket), a file's bytes are kept there under its id
-- and its row holds only the description: content is NULL. Files stored before keep their bytes in their row and are
-- still read from it.
ALTER TABLE case_file ALTER COLUMN content DROP NOT NULL;
