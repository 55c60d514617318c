-- The name the add-on is attached under on its app (heroku addons:create strongroom --as BACKUPS):
-- the prefix of its config vars there (BACKUPS_DATABASE_URL). Read from the Platform API when the
-- add-on is provisioned and before every dyno is started (docs/heroku.md); NULL until known.
ALTER TABLE tenant ADD COLUMN attachment_name VARCHAR(255);
