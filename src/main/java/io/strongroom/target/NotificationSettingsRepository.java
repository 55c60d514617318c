package io.strongroom.target;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface NotificationSettingsRepository extends JpaRepository<NotificationSettings, UUID> {

}
