CREATE TABLE `first_answers` (
	`user_id` text NOT NULL,
	`module_id` text NOT NULL,
	`question_id` text NOT NULL,
	`score` real NOT NULL,
	`correct` integer NOT NULL,
	`choice` text,
	`attempts` integer NOT NULL,
	`counts` text NOT NULL,
	PRIMARY KEY(`user_id`, `module_id`, `question_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `module_tallies` (
	`module_id` text PRIMARY KEY NOT NULL,
	`people` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `question_tallies` (
	`module_id` text NOT NULL,
	`question_id` text NOT NULL,
	`learners` integer NOT NULL,
	`correct` integer NOT NULL,
	`sx` real NOT NULL,
	`sy` real NOT NULL,
	`sxy` real NOT NULL,
	`sxx` real NOT NULL,
	`syy` real NOT NULL,
	`attempts` integer NOT NULL,
	`counts` text NOT NULL,
	PRIMARY KEY(`module_id`, `question_id`)
);
--> statement-breakpoint
-- The question analysis as running tallies (issue 20; the tables above, their meaning in db/schema.ts).
-- One trigger keeps them, inside the statement that stores an answer: no request can store an
-- answer without them, on the embedded file and on a libSQL server alike, and no extra round trip.
--
-- Discrimination is Pearson's r between a first answer's score x and y, the same person's first
-- scores on the module's other questions. When a person's first answer to a new question arrives
-- (score s), their total T (before it) grows by s: for that question x = s and y = T; for each of
-- their earlier first answers (score x) y grows from T - x to T - x + s, so sy grows by s, sxy by
-- x·s and syy by 2·(T - x)·s + s². The statements below run in this order, and the ones that ask
-- "is this the first answer?" all come before the one that stores it in first_answers.
CREATE TRIGGER `attempts_keep_tallies` AFTER INSERT ON `attempts` BEGIN
  UPDATE question_tallies SET
      sy = sy + NEW.score,
      sxy = sxy + f.score * NEW.score,
      syy = syy + 2 * (f.total - f.score) * NEW.score + NEW.score * NEW.score
    FROM (
      SELECT question_id, score, (SELECT total(score) FROM first_answers WHERE user_id = NEW.user_id AND module_id = NEW.module_id) AS total
        FROM first_answers WHERE user_id = NEW.user_id AND module_id = NEW.module_id
    ) AS f
    WHERE question_tallies.module_id = NEW.module_id AND question_tallies.question_id = f.question_id
      AND NOT EXISTS (SELECT 1 FROM first_answers WHERE user_id = NEW.user_id AND module_id = NEW.module_id AND question_id = NEW.question_id);

  INSERT INTO question_tallies (module_id, question_id, learners, correct, sx, sy, sxy, sxx, syy, attempts, counts)
    SELECT NEW.module_id, NEW.question_id, 1, NEW.correct, NEW.score, t.total, NEW.score * t.total, NEW.score * NEW.score, t.total * t.total, 0,
        CASE WHEN NEW.answer ->> '$.choice' IS NULL THEN '{}' ELSE json_object('first:' || (NEW.answer ->> '$.choice'), 1) END
      FROM (SELECT total(score) AS total FROM first_answers WHERE user_id = NEW.user_id AND module_id = NEW.module_id) AS t
      WHERE NOT EXISTS (SELECT 1 FROM first_answers WHERE user_id = NEW.user_id AND module_id = NEW.module_id AND question_id = NEW.question_id)
    ON CONFLICT (module_id, question_id) DO UPDATE SET
      learners = learners + 1, correct = correct + excluded.correct, sx = sx + excluded.sx, sy = sy + excluded.sy,
      sxy = sxy + excluded.sxy, sxx = sxx + excluded.sxx, syy = syy + excluded.syy,
      counts = CASE WHEN NEW.answer ->> '$.choice' IS NULL THEN counts
        ELSE json_set(counts, '$."first:' || (NEW.answer ->> '$.choice') || '"', coalesce(json_extract(counts, '$."first:' || (NEW.answer ->> '$.choice') || '"'), 0) + 1) END;

  INSERT INTO module_tallies (module_id, people)
    SELECT NEW.module_id, 1
      WHERE NOT EXISTS (SELECT 1 FROM first_answers WHERE user_id = NEW.user_id AND module_id = NEW.module_id)
    ON CONFLICT (module_id) DO UPDATE SET people = people + 1;

  INSERT INTO first_answers (user_id, module_id, question_id, score, correct, choice, attempts, counts)
    VALUES (NEW.user_id, NEW.module_id, NEW.question_id, NEW.score, NEW.correct, NEW.answer ->> '$.choice', 0, '{}')
    ON CONFLICT (user_id, module_id, question_id) DO NOTHING;

  -- Every answer, first or not: one row of the person, one row of the question.
  UPDATE first_answers SET attempts = attempts + 1, counts = (SELECT json_patch(first_answers.counts, json_group_object(k, coalesce(json_extract(first_answers.counts, '$."' || k || '"'), 0) + c))
        FROM (SELECT CASE WHEN j.path = '$.misconceptions' THEN 'tag:' ELSE 'option:' END
                  || CASE WHEN j.path = '$.path' THEN (j.key + 1) || '/' || j.value ELSE j.value END AS k, count(*) AS c
                FROM json_tree(NEW.answer) AS j
                WHERE j.type = 'text' AND ((j.path = '$' AND j.key = 'choice') OR j.path IN ('$.choices', '$.path', '$.misconceptions'))
                GROUP BY k))
    WHERE user_id = NEW.user_id AND module_id = NEW.module_id AND question_id = NEW.question_id;
  UPDATE question_tallies SET attempts = attempts + 1, counts = (SELECT json_patch(question_tallies.counts, json_group_object(k, coalesce(json_extract(question_tallies.counts, '$."' || k || '"'), 0) + c))
        FROM (SELECT CASE WHEN j.path = '$.misconceptions' THEN 'tag:' ELSE 'option:' END
                  || CASE WHEN j.path = '$.path' THEN (j.key + 1) || '/' || j.value ELSE j.value END AS k, count(*) AS c
                FROM json_tree(NEW.answer) AS j
                WHERE j.type = 'text' AND ((j.path = '$' AND j.key = 'choice') OR j.path IN ('$.choices', '$.path', '$.misconceptions'))
                GROUP BY k))
    WHERE module_id = NEW.module_id AND question_id = NEW.question_id;
END;
--> statement-breakpoint
-- The answers stored before this migration: the same tallies, computed from every answer once.
-- Anonymous answers (deleted accounts) count region-wide, each deleted account as one person.
INSERT INTO first_answers (user_id, module_id, question_id, score, correct, choice, attempts, counts)
  SELECT a.user_id, a.module_id, a.question_id, a.score, a.correct, a.answer ->> '$.choice', c.n,
      (SELECT json_group_object(k, n) FROM (
        SELECT CASE WHEN j.path = '$.misconceptions' THEN 'tag:' ELSE 'option:' END || CASE WHEN j.path = '$.path' THEN (j.key + 1) || '/' || j.value ELSE j.value END AS k, count(*) AS n
          FROM attempts AS o, json_tree(o.answer) AS j
          WHERE o.user_id = a.user_id AND o.module_id = a.module_id AND o.question_id = a.question_id AND j.type = 'text' AND ((j.path = '$' AND j.key = 'choice') OR j.path IN ('$.choices', '$.path', '$.misconceptions'))
          GROUP BY k))
    FROM attempts a
    JOIN (SELECT min(id) AS id, count(*) AS n FROM attempts GROUP BY user_id, module_id, question_id) AS c ON c.id = a.id;
--> statement-breakpoint
-- First answers of everyone: people with an account (just stored above) and deleted accounts.
INSERT INTO question_tallies (module_id, question_id, learners, correct, sx, sy, sxy, sxx, syy, attempts, counts)
  WITH firsts AS (
    SELECT user_id AS who, module_id, question_id, score, correct, choice FROM first_answers
    UNION ALL
    SELECT 'anoniem:' || anon_id, module_id, question_id, score, correct, answer ->> '$.choice' FROM anonymous_attempts
      WHERE id IN (SELECT min(id) FROM anonymous_attempts GROUP BY anon_id, module_id, question_id)
  )
  SELECT f.module_id, f.question_id, count(*), sum(f.correct), total(f.score), total(t.total - f.score),
      total(f.score * (t.total - f.score)), total(f.score * f.score), total((t.total - f.score) * (t.total - f.score)), 0, '{}'
    FROM firsts f
    JOIN (SELECT who, module_id, total(score) AS total FROM firsts GROUP BY who, module_id) AS t ON t.who = f.who AND t.module_id = f.module_id
    GROUP BY f.module_id, f.question_id;
--> statement-breakpoint
INSERT INTO module_tallies (module_id, people)
  WITH firsts AS (
    SELECT user_id AS who, module_id FROM first_answers
    UNION ALL
    SELECT 'anoniem:' || anon_id, module_id FROM anonymous_attempts
  )
  SELECT module_id, count(DISTINCT who) FROM firsts GROUP BY module_id;
--> statement-breakpoint
-- Every answer's options and tags, and each first single choice, as one object per question.
WITH answers AS (
  SELECT module_id, question_id, answer FROM attempts
  UNION ALL
  SELECT module_id, question_id, answer FROM anonymous_attempts
),
counted AS (
  SELECT a.module_id, a.question_id, CASE WHEN j.path = '$.misconceptions' THEN 'tag:' ELSE 'option:' END || CASE WHEN j.path = '$.path' THEN (j.key + 1) || '/' || j.value ELSE j.value END AS k, count(*) AS n
    FROM answers AS a, json_tree(a.answer) AS j
    WHERE j.type = 'text' AND ((j.path = '$' AND j.key = 'choice') OR j.path IN ('$.choices', '$.path', '$.misconceptions'))
    GROUP BY 1, 2, 3
  UNION ALL
  SELECT module_id, question_id, 'first:' || choice, count(*) FROM (
    SELECT module_id, question_id, choice FROM first_answers
    UNION ALL
    SELECT module_id, question_id, answer ->> '$.choice' FROM anonymous_attempts
      WHERE id IN (SELECT min(id) FROM anonymous_attempts GROUP BY anon_id, module_id, question_id)
  ) WHERE choice IS NOT NULL GROUP BY 1, 2, 3
)
UPDATE question_tallies SET
  attempts =
    (SELECT count(*) FROM attempts a WHERE a.module_id = question_tallies.module_id AND a.question_id = question_tallies.question_id)
    + (SELECT count(*) FROM anonymous_attempts a WHERE a.module_id = question_tallies.module_id AND a.question_id = question_tallies.question_id),
  counts = (SELECT json_group_object(k, n) FROM counted c WHERE c.module_id = question_tallies.module_id AND c.question_id = question_tallies.question_id);
