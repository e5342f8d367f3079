-- The schema Readiness created before migrations (schema version 3, SQLAlchemy create_all), postgresql.
-- Generated once from that code; kept to prove an old database upgrades without loss.

CREATE TABLE meta (
	key VARCHAR(64) NOT NULL,
	value TEXT NOT NULL,
	PRIMARY KEY (key)
);

CREATE TABLE questionnaire_snapshots (
	hash VARCHAR(64) NOT NULL,
	questionnaire_id VARCHAR(80) NOT NULL,
	version VARCHAR(40) NOT NULL,
	content TEXT NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	PRIMARY KEY (hash)
);

CREATE INDEX ix_questionnaire_snapshots_questionnaire_id ON questionnaire_snapshots (questionnaire_id);

CREATE TABLE assessments (
	id VARCHAR(64) NOT NULL,
	questionnaire_id VARCHAR(80) NOT NULL,
	questionnaire_version VARCHAR(40) NOT NULL,
	questionnaire_hash VARCHAR(64) NOT NULL,
	business_name VARCHAR(200) NOT NULL,
	profile VARCHAR(64) NOT NULL,
	business_kind VARCHAR(16),
	language VARCHAR(8) NOT NULL,
	status VARCHAR(16) NOT NULL,
	position INTEGER NOT NULL,
	is_demo INTEGER NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
	completed_at TIMESTAMP WITH TIME ZONE,
	PRIMARY KEY (id),
	FOREIGN KEY(questionnaire_hash) REFERENCES questionnaire_snapshots (hash)
);

CREATE TABLE answers (
	assessment_id VARCHAR(64) NOT NULL,
	question_id VARCHAR(64) NOT NULL,
	kind VARCHAR(16) NOT NULL,
	value TEXT,
	note TEXT,
	updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
	PRIMARY KEY (assessment_id, question_id),
	FOREIGN KEY(assessment_id) REFERENCES assessments (id) ON DELETE CASCADE
);

CREATE TABLE share_links (
	token_hash VARCHAR(64) NOT NULL,
	assessment_id VARCHAR(64) NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	expires_at TIMESTAMP WITH TIME ZONE,
	revoked_at TIMESTAMP WITH TIME ZONE,
	PRIMARY KEY (token_hash),
	FOREIGN KEY(assessment_id) REFERENCES assessments (id) ON DELETE CASCADE
);

CREATE INDEX ix_share_links_assessment_id ON share_links (assessment_id);

CREATE TABLE workshops (
	id VARCHAR(64) NOT NULL,
	join_code VARCHAR(12) NOT NULL,
	facilitator_hash VARCHAR(64) NOT NULL,
	name VARCHAR(200) NOT NULL,
	business_name VARCHAR(200) NOT NULL,
	questionnaire_hash VARCHAR(64) NOT NULL,
	profile VARCHAR(64) NOT NULL,
	roles TEXT NOT NULL,
	anonymous INTEGER NOT NULL,
	consensus_assessment_id VARCHAR(64) NOT NULL,
	revealed_at TIMESTAMP WITH TIME ZONE,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	PRIMARY KEY (id),
	UNIQUE (join_code),
	UNIQUE (facilitator_hash),
	FOREIGN KEY(questionnaire_hash) REFERENCES questionnaire_snapshots (hash),
	FOREIGN KEY(consensus_assessment_id) REFERENCES assessments (id)
);

CREATE TABLE participants (
	id VARCHAR(64) NOT NULL,
	workshop_id VARCHAR(64) NOT NULL,
	role VARCHAR(64) NOT NULL,
	name VARCHAR(200),
	assessment_id VARCHAR(64) NOT NULL,
	joined_at TIMESTAMP WITH TIME ZONE NOT NULL,
	PRIMARY KEY (id),
	FOREIGN KEY(workshop_id) REFERENCES workshops (id) ON DELETE CASCADE,
	UNIQUE (assessment_id),
	FOREIGN KEY(assessment_id) REFERENCES assessments (id)
);

CREATE INDEX ix_participants_workshop_id ON participants (workshop_id);
