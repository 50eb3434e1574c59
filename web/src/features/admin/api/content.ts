import { graphql } from '../../../gql/index.js';

/** Portal content as administrators manage it: every FAQ entry and notice, in all three languages. */
export const AdminContentQuery = graphql(`
  query AdminContent($faqAfter: String, $noticesAfter: String) {
    faqEntries(includeUnpublished: true, first: 100, after: $faqAfter) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        position
        published
        questionKk
        questionRu
        questionEn
        answerKk
        answerRu
        answerEn
      }
    }
    maintenanceNotices(first: 50, after: $noticesAfter) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        kind
        startsAt
        endsAt
        textKk
        textRu
        textEn
      }
    }
    contactCenter {
      phone
      hoursKk
      hoursRu
      hoursEn
      updatedAt
    }
  }
`);

export const SaveFaqEntryMutation = graphql(`
  mutation SaveFaqEntry($id: ID, $input: FaqEntryInput!) {
    saveFaqEntry(id: $id, input: $input) {
      id
      position
      published
      questionKk
      questionRu
      questionEn
      answerKk
      answerRu
      answerEn
    }
  }
`);

export const DeleteFaqEntryMutation = graphql(`
  mutation DeleteFaqEntry($id: ID!) {
    deleteFaqEntry(id: $id)
  }
`);

export const SaveNoticeMutation = graphql(`
  mutation SaveMaintenanceNotice($id: ID, $input: MaintenanceNoticeInput!) {
    saveMaintenanceNotice(id: $id, input: $input) {
      id
      kind
      startsAt
      endsAt
      textKk
      textRu
      textEn
    }
  }
`);

export const DeleteNoticeMutation = graphql(`
  mutation DeleteMaintenanceNotice($id: ID!) {
    deleteMaintenanceNotice(id: $id)
  }
`);

export const SetContactCenterMutation = graphql(`
  mutation SetContactCenter($input: ContactCenterInput!) {
    setContactCenter(input: $input) {
      phone
      hoursKk
      hoursRu
      hoursEn
      updatedAt
    }
  }
`);

/** Instructions and news, published or not (003 ¶14). */
export const AdminArticlesQuery = graphql(`
  query AdminArticles($after: String) {
    portalArticles(includeUnpublished: true, first: 50, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        kind
        published
        publishedAt
        videoUrl
        title(language: RU) {
          text
          language
        }
      }
    }
  }
`);

export const SaveArticleMutation = graphql(`
  mutation SavePortalArticle($id: ID, $input: PortalArticleInput!) {
    savePortalArticle(id: $id, input: $input) {
      id
      kind
      published
      publishedAt
      videoUrl
    }
  }
`);

export const DeleteArticleMutation = graphql(`
  mutation DeletePortalArticle($id: ID!) {
    deletePortalArticle(id: $id)
  }
`);
