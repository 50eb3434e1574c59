import { graphql } from '../../../gql/index.js';

/** The bell: how many of the caller's notifications are unread. */
export const UnreadCountQuery = graphql(`
  query UnreadNotificationCount {
    unreadNotificationCount
  }
`);

/**
 * The caller's new notifications as they are made (graphql-ws through the gateway): the bell's count
 * comes with each, and the centre's list is refetched (see the feature's live update).
 */
export const NotificationReceivedSubscription = graphql(`
  subscription NotificationReceived {
    notificationReceived {
      cursor
      unreadCount
      notification {
        id
        template
        title
        body
        createdAt
        readAt
      }
    }
  }
`);

/** The notification centre, newest first, with what was sent by SMS and e-mail and when. */
export const NotificationsQuery = graphql(`
  query MyNotifications($after: String) {
    notifications(first: 30, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        template
        title
        body
        createdAt
        readAt
        deliveries {
          id
          channel
          status
          sentAt
        }
      }
    }
  }
`);

export const MarkReadMutation = graphql(`
  mutation MarkNotificationsRead($ids: [ID!]) {
    markNotificationsRead(ids: $ids)
  }
`);

/** A supplier's or department's staff member: where and in which language its organisation's notices are e-mailed. */
export const StaffSettingsQuery = graphql(`
  query MyStaffNotificationSettings {
    myStaffNotificationSettings {
      email
      emailNotifications
      language
    }
  }
`);

export const SetStaffSettingsMutation = graphql(`
  mutation SetStaffNotificationSettings($email: String, $emailNotifications: Boolean!, $language: NotifyLanguage) {
    setStaffNotificationSettings(email: $email, emailNotifications: $emailNotifications, language: $language) {
      email
      emailNotifications
      language
    }
  }
`);
