import { graphql } from '../../../gql/index.js';

export const SignInChallengeMutation = graphql(`
  mutation SignInChallenge($iin: String!) {
    signInChallenge(iin: $iin) {
      document
      expiresAt
    }
  }
`);

export const SignInMutation = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      token
      displayName
      role
    }
  }
`);
