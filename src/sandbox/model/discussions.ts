import { nodeId, toIso } from "./ids.js";
import type { ThreadContext } from "./threads.js";
import type { DiscussionCategoryRecord, DiscussionCommentRecord, DiscussionRecord, RepoState, TimeInput } from "./types.js";

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
