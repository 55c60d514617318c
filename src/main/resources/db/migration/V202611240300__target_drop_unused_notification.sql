-- Recipients live in the notify module (notify_recipient); the target module's copy was never read.
DROP TABLE target_notification;
