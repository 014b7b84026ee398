import { nodeId, toIso } from "./ids.js";
import type { ThreadContext } from "./threads.js";
import type { DiscussionCategoryRecord, DiscussionCloseReason, DiscussionCommentRecord, DiscussionRecord, RepoState, TimeInput } from "./types.js";

/** A category a repository gets when discussions are switched on; only Q&A takes answers. */
const DEFAULT_CATEGORIES: readonly { name: string; slug: string; emoji: string; description: string; answerable: boolean }[] = [
  { name: "Announcements", slug: "announcements", emoji: ":mega:", description: "Updates from maintainers", answerable: false },
  { name: "General", slug: "general", emoji: ":speech_balloon:", description: "Chat about anything and everything here", answerable: false },
  { name: "Ideas", slug: "ideas", emoji: ":bulb:", description: "Share ideas for new features", answerable: false },
  { name: "Q&A", slug: "q-a", emoji: ":pray:", description: "Ask the community for help", answerable: true },
];

export interface DiscussionCategorySeed {
  name: string;
  /** Q&A format: discussions in it can have an accepted answer. */
  isAnswerable?: boolean;
  description?: string;
  emoji?: string;
  createdAt?: TimeInput;
}

export interface DiscussionSeed {
  user: string;
  /** A category's name; a default category (General, Q&A ...) is created on first use. */
  category?: string;
  number?: number;
  title?: string;
  body?: string;
  createdAt?: TimeInput;
}

export interface DiscussionCommentSeed {
  user: string;
  body?: string;
  /** The database id of the top-level comment this one replies to. */
  replyTo?: number;
  createdAt?: TimeInput;
}

/**
 * The repository discussions of the model. On GitHub a discussion takes its number from the
 * sequence its repository's issues and pull requests use, so the three never share a number.
 */
export class DiscussionBoard {
  readonly #ctx: ThreadContext;
  readonly #repoState: (fullName: string) => RepoState;

  constructor(ctx: ThreadContext, repoState: (fullName: string) => RepoState) {
    this.#ctx = ctx;
    this.#repoState = repoState;
  }

  /** Creates a category, or returns the one with this name (names match case-insensitively). */
  addCategory(fullName: string, seed: DiscussionCategorySeed): DiscussionCategoryRecord {
    const state = this.#repoState(fullName);
    const existing = findCategory(state, seed.name);
    if (existing) return existing;
    const known = DEFAULT_CATEGORIES.find((c) => c.name.toLowerCase() === seed.name.toLowerCase());
    const id = this.#ctx.ids.next();
    const category: DiscussionCategoryRecord = {
      id,
      node_id: nodeId("DiscussionCategory", id),
      name: seed.name,
      slug: known?.slug ?? slugOf(seed.name),
      emoji: seed.emoji ?? known?.emoji ?? ":speech_balloon:",
      description: seed.description ?? known?.description ?? "",
      is_answerable: seed.isAnswerable ?? known?.answerable ?? false,
      created_at: toIso(seed.createdAt ?? this.#ctx.now(), this.#ctx.now),
    };
    state.discussionCategories.push(category);
    return category;
  }

  categories(fullName: string): DiscussionCategoryRecord[] {
    return this.#repoState(fullName).discussionCategories;
  }

  add(fullName: string, seed: DiscussionSeed): DiscussionRecord {
    const state = this.#repoState(fullName);
    this.#ctx.ensureUser(seed.user);
    const category = this.addCategory(fullName, { name: seed.category ?? "General" });
    const number = seed.number ?? state.nextNumber;
    if (state.issues.has(number) || state.discussions.has(number)) {
      throw new Error(`sandbox: #${number} already exists in ${state.repo.owner}/${state.repo.name}`);
    }
    state.nextNumber = Math.max(state.nextNumber, number + 1);
    const id = this.#ctx.ids.next();
    const createdAt = toIso(seed.createdAt, this.#ctx.now);
    const discussion: DiscussionRecord = {
      id,
      node_id: nodeId("Discussion", id),
      number,
      title: seed.title ?? `Discussion #${number}`,
      body: seed.body ?? "",
      user: seed.user,
      category_id: category.id,
      author_association: this.#ctx.associationOf(state, seed.user),
      locked: false,
      state: "open",
      state_reason: null,
      closed_at: null,
      created_at: createdAt,
      updated_at: createdAt,
      answer_comment_id: null,
      answer_chosen_at: null,
      answer_chosen_by: null,
    };
    state.discussions.set(number, discussion);
    return discussion;
  }

  get(fullName: string, number: number): DiscussionRecord | undefined {
    return this.#repoState(fullName).discussions.get(number);
  }

  addComment(fullName: string, number: number, seed: DiscussionCommentSeed): DiscussionCommentRecord {
    const state = this.#repoState(fullName);
    const discussion = this.#discussion(state, number);
    this.#ctx.ensureUser(seed.user);
    if (seed.replyTo !== undefined) {
      const parent = state.discussionComments.find((c) => c.id === seed.replyTo && c.discussion_number === number);
      if (!parent || parent.parent_id !== null) throw new Error(`sandbox: ${seed.replyTo} is not a top-level comment of discussion #${number}`);
    }
    const id = this.#ctx.ids.next();
    const createdAt = toIso(seed.createdAt, this.#ctx.now);
    const comment: DiscussionCommentRecord = {
      id,
      node_id: nodeId("DiscussionComment", id),
      discussion_number: number,
      parent_id: seed.replyTo ?? null,
      user: seed.user,
      body: seed.body ?? "",
      author_association: this.#ctx.associationOf(state, seed.user),
      created_at: createdAt,
      updated_at: createdAt,
    };
    state.discussionComments.push(comment);
    if (createdAt > discussion.updated_at) discussion.updated_at = createdAt;
    return comment;
  }

  comments(fullName: string, number: number): DiscussionCommentRecord[] {
    return this.#repoState(fullName).discussionComments.filter((c) => c.discussion_number === number);
  }

  /** Marks a top-level comment as the answer, chosen by `actor`; GitHub allows it only in an answerable category. */
  markAnswer(fullName: string, number: number, commentId: number, actor: string, at?: TimeInput): DiscussionRecord {
    const state = this.#repoState(fullName);
    const discussion = this.#discussion(state, number);
    const category = state.discussionCategories.find((c) => c.id === discussion.category_id);
    if (!category?.is_answerable) throw new Error(`sandbox: discussion #${number} is not in an answerable category`);
    const comment = state.discussionComments.find((c) => c.id === commentId && c.discussion_number === number);
    if (!comment || comment.parent_id !== null) throw new Error(`sandbox: ${commentId} is not a top-level comment of discussion #${number}`);
    this.#ctx.ensureUser(actor);
    const chosenAt = toIso(at, this.#ctx.now);
    Object.assign(discussion, { answer_comment_id: commentId, answer_chosen_at: chosenAt, answer_chosen_by: actor, updated_at: chosenAt });
    return discussion;
  }

  /** Takes the accepted answer back; GitHub's unanswered event then names the comment that was it. */
  unmarkAnswer(fullName: string, number: number, actor: string, at?: TimeInput): DiscussionRecord {
    const discussion = this.#discussion(this.#repoState(fullName), number);
    if (discussion.answer_comment_id === null) throw new Error(`sandbox: discussion #${number} has no answer to unmark`);
    this.#ctx.ensureUser(actor);
    Object.assign(discussion, { answer_comment_id: null, answer_chosen_at: null, answer_chosen_by: null, updated_at: toIso(at, this.#ctx.now) });
    return discussion;
  }

  /**
   * Closes an open discussion; GitHub's closeDiscussion defaults the reason to RESOLVED. Closing a
   * closed one is refused, so that a test's mistake does not pass as a second close.
   */
  close(fullName: string, number: number, actor: string, reason: DiscussionCloseReason = "resolved", at?: TimeInput): DiscussionRecord {
    const discussion = this.#discussion(this.#repoState(fullName), number);
    if (discussion.state === "closed") throw new Error(`sandbox: discussion #${number} is already closed`);
    this.#ctx.ensureUser(actor);
    const closedAt = toIso(at, this.#ctx.now);
    Object.assign(discussion, { state: "closed", state_reason: reason, closed_at: closedAt, updated_at: closedAt });
    return discussion;
  }

  /** Reopens a closed discussion: GitHub keeps "reopened" as its state reason and clears closedAt. */
  reopen(fullName: string, number: number, actor: string, at?: TimeInput): DiscussionRecord {
    const discussion = this.#discussion(this.#repoState(fullName), number);
    if (discussion.state === "open") throw new Error(`sandbox: discussion #${number} is not closed`);
    this.#ctx.ensureUser(actor);
    Object.assign(discussion, { state: "open", state_reason: "reopened", closed_at: null, updated_at: toIso(at, this.#ctx.now) });
    return discussion;
  }

  /** Moves a discussion to another category (by name), creating a default category on first use as `add` does. */
  moveToCategory(fullName: string, number: number, categoryName: string, actor: string, at?: TimeInput): DiscussionRecord {
    const discussion = this.#discussion(this.#repoState(fullName), number);
    const category = this.addCategory(fullName, { name: categoryName });
    // GitHub sends no category_changed for a move to the same category; neither does the sandbox.
    if (category.id === discussion.category_id) throw new Error(`sandbox: discussion #${number} is already in ${category.name}`);
    this.#ctx.ensureUser(actor);
    Object.assign(discussion, { category_id: category.id, updated_at: toIso(at, this.#ctx.now) });
    return discussion;
  }

  /** Deletes a discussion with its comments and returns it; its number is not given out again, as on GitHub. */
  delete(fullName: string, number: number): DiscussionRecord {
    const state = this.#repoState(fullName);
    const discussion = this.#discussion(state, number);
    state.discussions.delete(number);
    // In place: other holders of the repository's state keep seeing the same array.
    const kept = state.discussionComments.filter((c) => c.discussion_number !== number);
    state.discussionComments.splice(0, state.discussionComments.length, ...kept);
    return discussion;
  }

  #discussion(state: RepoState, number: number): DiscussionRecord {
    const discussion = state.discussions.get(number);
    if (!discussion) throw new Error(`sandbox: no discussion #${number} in ${state.repo.owner}/${state.repo.name}`);
    return discussion;
  }
}

export function findCategory(state: RepoState, name: string): DiscussionCategoryRecord | undefined {
  return state.discussionCategories.find((c) => c.name.toLowerCase() === name.toLowerCase());
}

export function categoryOf(state: RepoState, discussion: DiscussionRecord): DiscussionCategoryRecord {
  const category = state.discussionCategories.find((c) => c.id === discussion.category_id);
  if (!category) throw new Error(`sandbox: discussion #${discussion.number} has no category`);
  return category;
}

function slugOf(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}
