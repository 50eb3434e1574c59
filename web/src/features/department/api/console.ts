import { graphql } from '../../../gql/index.js';

export const DepartmentMeasureFragment = graphql(`
  fragment DepartmentMeasure on Measure {
    id
    kind
    status
    guaranteedSum
    choiceDeadline
    daysLeftToChoose
    person {
      id
      fullName
    }
    itemType {
      code
      nameKk
      nameRu
      nameEn
    }
  }
`);

export const DepartmentConsoleQuery = graphql(`
  query DepartmentConsole {
    blocked: measures(status: BLOCKED, first: 200) {
      nodes {
        id
        ...DepartmentMeasure
      }
    }
    awaiting: measures(status: AWAITING_CHOICE, first: 200) {
      nodes {
        id
        ...DepartmentMeasure
      }
    }
    orders(first: 200) {
      nodes {
        id
        number
        status
        createdAt
        acceptDeadline
        handedOverAt
        measure {
          id
          kind
          publishedAt
        }
      }
    }
    claims(first: 100) {
      nodes {
        id
        status
        statePart
        coPayment
        order {
          id
          number
        }
      }
    }
  }
`);
