package io.strongroom.target;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface EncryptionKeyRepository extends JpaRepository<EncryptionKeyRecord, UUID> {

}
