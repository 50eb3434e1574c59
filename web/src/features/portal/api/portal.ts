import { graphql } from '../../../gql/index.js';

/** The banner: notices whose window contains the server's time now (public). */
export const ActiveNoticesQuery = graphql(`
  query ActiveMaintenanceNotices($language: Language!) {
    activeMaintenanceNotices(first: 5) {
      nodes {
        id
        kind
        startsAt
        endsAt
        text(language: $language) {
          text
          language
          fallback
        }
      }
    }
  }
`);

/** The FAQ and the contact-center phone, in the reader's language (the server falls back to another). */
export const HelpQuery = graphql(`
  query Help($language: Language!, $after: String) {
    faqEntries(first: 100, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        position
        question(language: $language) {
          text
          language
          fallback
        }
        answer(language: $language) {
          text
          language
          fallback
        }
      }
    }
    contactCenter {
      phone
      updatedAt
      hours(language: $language) {
        text
        language
        fallback
      }
    }
  }
`);

/** The footer's contact line (public). */
export const ContactCenterQuery = graphql(`
  query ContactCenter($language: Language!) {
    contactCenter {
      phone
      updatedAt
      hours(language: $language) {
        text
        language
      }
    }
  }
`);

/** Instructions (text, optionally a video) and news of new features, in the reader's language (003 ¶14). */
export const ArticlesQuery = graphql(`
  query PortalArticles($language: Language!, $kind: ArticleKind!, $after: String) {
    portalArticles(kind: $kind, first: 20, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        kind
        videoUrl
        publishedAt
        title(language: $language) {
          text
          language
          fallback
        }
        body(language: $language) {
          text
          language
          fallback
        }
      }
    }
  }
`);
