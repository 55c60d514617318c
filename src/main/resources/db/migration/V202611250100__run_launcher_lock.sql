-- A launcher whose limit every web process shares (heroku: strongroom.run.heroku.max-concurrent)
-- counts its jobs under way from run_backup and run_verification (docs/runs.md, "Launchers").
-- The transaction that claims a job for it locks the launcher's row here first, so two processes
-- claiming at the same moment count one after the other and never both take the last place.
CREATE TABLE run_launcher_lock (
    launcher VARCHAR(16) NOT NULL PRIMARY KEY
);
INSERT INTO run_launcher_lock (launcher) VALUES ('heroku');
