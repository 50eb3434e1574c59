/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query RegistrationsToVerify {\n    supplierRegistrations(status: SUBMITTED, first: 50) {\n      nodes {\n        id\n        ...Registration\n      }\n    }\n  }\n": typeof types.RegistrationsToVerifyDocument,
    "\n  mutation VerifySupplier($id: ID!) {\n    verifySupplier(id: $id) {\n      id\n      status\n      decidedAt\n      registryChecks {\n        check\n        passed\n        reason\n        checkedAt\n      }\n    }\n  }\n": typeof types.VerifySupplierDocument,
    "\n  mutation RejectSupplier($id: ID!, $reason: String!) {\n    rejectSupplier(id: $id, reason: $reason) {\n      id\n      status\n      decidedAt\n      rejectionReason\n    }\n  }\n": typeof types.RejectSupplierDocument,
    "\n  fragment TicketClock on TicketClockView {\n    step\n    dueAt\n    doneAt\n    state\n    remainingWorkingMinutes\n  }\n": typeof types.TicketClockFragmentDoc,
    "\n  query TicketsAtRisk {\n    ticketsAtRisk(first: 50) {\n      nodes {\n        id\n        number\n        status\n        reporterName\n        description\n        reportedAt\n        clocks {\n          ...TicketClock\n        }\n      }\n    }\n  }\n": typeof types.TicketsAtRiskDocument,
    "\n  fragment AdminComplaint on Complaint {\n    id\n    status\n    text\n    regionCode\n    orderId\n    supplierId\n    receivedAt\n    forwardDueAt\n    forwardedTo\n    answerDueAt\n    overdue\n  }\n": typeof types.AdminComplaintFragmentDoc,
    "\n  query AdminComplaints {\n    overdue: complaints(overdue: true, first: 50) {\n      nodes {\n        id\n        ...AdminComplaint\n      }\n    }\n    received: complaints(status: RECEIVED, first: 50) {\n      nodes {\n        id\n        ...AdminComplaint\n      }\n    }\n    forwarded: complaints(status: FORWARDED, first: 50) {\n      nodes {\n        id\n        ...AdminComplaint\n      }\n    }\n  }\n": typeof types.AdminComplaintsDocument,
    "\n  mutation ForwardComplaint($id: ID!, $to: ResponsibleBody!) {\n    forwardComplaint(id: $id, to: $to) {\n      id\n      ...AdminComplaint\n    }\n  }\n": typeof types.ForwardComplaintDocument,
    "\n  query AdminContent {\n    faqEntries(includeUnpublished: true, first: 100) {\n      nodes {\n        id\n        position\n        published\n        questionKk\n        questionRu\n        questionEn\n        answerKk\n        answerRu\n        answerEn\n      }\n    }\n    maintenanceNotices(first: 50) {\n      nodes {\n        id\n        startsAt\n        endsAt\n        textKk\n        textRu\n        textEn\n      }\n    }\n    contactCenter {\n      phone\n      hoursKk\n      hoursRu\n      hoursEn\n      updatedAt\n    }\n  }\n": typeof types.AdminContentDocument,
    "\n  mutation SaveFaqEntry($id: ID, $input: FaqEntryInput!) {\n    saveFaqEntry(id: $id, input: $input) {\n      id\n      position\n      published\n      questionKk\n      questionRu\n      questionEn\n      answerKk\n      answerRu\n      answerEn\n    }\n  }\n": typeof types.SaveFaqEntryDocument,
    "\n  mutation DeleteFaqEntry($id: ID!) {\n    deleteFaqEntry(id: $id)\n  }\n": typeof types.DeleteFaqEntryDocument,
    "\n  mutation SaveMaintenanceNotice($id: ID, $input: MaintenanceNoticeInput!) {\n    saveMaintenanceNotice(id: $id, input: $input) {\n      id\n      startsAt\n      endsAt\n      textKk\n      textRu\n      textEn\n    }\n  }\n": typeof types.SaveMaintenanceNoticeDocument,
    "\n  mutation DeleteMaintenanceNotice($id: ID!) {\n    deleteMaintenanceNotice(id: $id)\n  }\n": typeof types.DeleteMaintenanceNoticeDocument,
    "\n  mutation SetContactCenter($input: ContactCenterInput!) {\n    setContactCenter(input: $input) {\n      phone\n      hoursKk\n      hoursRu\n      hoursEn\n      updatedAt\n    }\n  }\n": typeof types.SetContactCenterDocument,
    "\n  fragment DeskTicket on FailureTicket {\n    id\n    number\n    status\n    reporterName\n    description\n    reportedAt\n    escalate\n    fixRequired\n    decision\n    clocks {\n      ...TicketClock\n    }\n    steps {\n      id\n      step\n      at\n      note\n    }\n  }\n": typeof types.DeskTicketFragmentDoc,
    "\n  query DeskTickets($status: TicketStatus) {\n    failureTickets(status: $status, first: 50) {\n      nodes {\n        id\n        ...DeskTicket\n      }\n    }\n  }\n": typeof types.DeskTicketsDocument,
    "\n  mutation RecordTicketStep($id: ID!, $input: TicketStepInput!) {\n    recordTicketStep(id: $id, input: $input) {\n      id\n      ...DeskTicket\n    }\n  }\n": typeof types.RecordTicketStepDocument,
    "\n  query TicketBreachReport($year: Int!, $month: Int!) {\n    ticketBreachReport(year: $year, month: $month) {\n      year\n      month\n      due\n      breached\n      byStep {\n        step\n        due\n        breached\n      }\n    }\n  }\n": typeof types.TicketBreachReportDocument,
    "\n  mutation AnswerComplaint($id: ID!, $answer: String!) {\n    answerComplaint(id: $id, answer: $answer) {\n      id\n      answer\n      answeredAt\n      ...AdminComplaint\n    }\n  }\n": typeof types.AnswerComplaintDocument,
    "\n  fragment AdminSupplier on Supplier {\n    id\n    name\n    bin\n    iin\n    status\n    decidedAt\n    suspendedAt\n    suspensionReason\n  }\n": typeof types.AdminSupplierFragmentDoc,
    "\n  query SuppliersToManage {\n    verified: supplierRegistrations(status: VERIFIED, first: 100) {\n      nodes {\n        id\n        ...AdminSupplier\n      }\n    }\n    suspended: supplierRegistrations(status: SUSPENDED, first: 100) {\n      nodes {\n        id\n        ...AdminSupplier\n      }\n    }\n  }\n": typeof types.SuppliersToManageDocument,
    "\n  mutation SuspendSupplier($id: ID!, $reason: String!) {\n    suspendSupplier(id: $id, reason: $reason) {\n      id\n      ...AdminSupplier\n    }\n  }\n": typeof types.SuspendSupplierDocument,
    "\n  mutation ReinstateSupplier($id: ID!) {\n    reinstateSupplier(id: $id) {\n      id\n      ...AdminSupplier\n    }\n  }\n": typeof types.ReinstateSupplierDocument,
    "\n  mutation SignInChallenge($iin: String!) {\n    signInChallenge(iin: $iin) {\n      document\n      expiresAt\n    }\n  }\n": typeof types.SignInChallengeDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      token\n      displayName\n      role\n    }\n  }\n": typeof types.SignInDocument,
    "\n  query Me($after: String) {\n    me {\n      id\n      fullName\n      principals(first: 20, after: $after) {\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          kind\n          validTo\n          principal {\n            id\n            fullName\n          }\n        }\n      }\n    }\n  }\n": typeof types.MeDocument,
    "\n  fragment MeasureRow on Measure {\n    id\n    kind\n    itemTypeCode\n    quantity\n    guaranteedSum\n    status\n    choiceDeadline\n    daysLeftToChoose\n    version\n  }\n": typeof types.MeasureRowFragmentDoc,
    "\n  query Cabinet($id: ID!, $measuresAfter: String) {\n    person(id: $id) {\n      id\n      fullName\n      iin\n      birthDate\n      sex\n      address\n      phone\n      email\n      category\n      disabilityGroup\n      regionCode\n      program {\n        id\n        number\n        issuedOn\n        validUntil\n        measures(first: 50, after: $measuresAfter) {\n          nodes {\n            id\n            ...MeasureRow\n          }\n          pageInfo {\n            hasNextPage\n            endCursor\n          }\n        }\n      }\n    }\n  }\n": typeof types.CabinetDocument,
    "\n  mutation UpdateMyContacts($input: ContactsInput!) {\n    updateMyContacts(input: $input) {\n      id\n      phone\n      email\n    }\n  }\n": typeof types.UpdateMyContactsDocument,
    "\n  mutation ReactivateMeasure($id: ID!, $version: Int!) {\n    reactivateMeasure(id: $id, version: $version) {\n      id\n      status\n      version\n      choiceDeadline\n      daysLeftToChoose\n    }\n  }\n": typeof types.ReactivateMeasureDocument,
    "\n  query MeasureForChoice($id: ID!) {\n    measure(id: $id) {\n      id\n      kind\n      itemTypeCode\n      regionCode\n      quantity\n      guaranteedSum\n      status\n      daysLeftToChoose\n    }\n  }\n": typeof types.MeasureForChoiceDocument,
    "\n  fragment OfferingCard on Offering {\n    id\n    title\n    description\n    kind\n    itemTypeCode\n    price\n    deliveryMode\n    leadTimeDays\n    stock\n    regionCodes\n    characteristics\n    supplier {\n      id\n      name\n    }\n  }\n": typeof types.OfferingCardFragmentDoc,
    "\n  query Offerings($filter: OfferingFilter, $first: Int, $after: String) {\n    offerings(filter: $filter, first: $first, after: $after) {\n      nodes {\n        id\n        ...OfferingCard\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.OfferingsDocument,
    "\n  fragment DepartmentMeasure on Measure {\n    id\n    kind\n    itemTypeCode\n    status\n    guaranteedSum\n    choiceDeadline\n    daysLeftToChoose\n    publishedAt\n    person {\n      id\n      fullName\n    }\n  }\n": typeof types.DepartmentMeasureFragmentDoc,
    "\n  query DepartmentMeasures($status: MeasureStatus, $after: String) {\n    measures(status: $status, first: 50, after: $after) {\n      nodes {\n        id\n        ...DepartmentMeasure\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.DepartmentMeasuresDocument,
    "\n  query DepartmentOrders($after: String) {\n    orders(first: 200, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        kind\n        status\n        createdAt\n        handedOverAt\n        measure {\n          id\n          kind\n          publishedAt\n        }\n      }\n    }\n  }\n": typeof types.DepartmentOrdersDocument,
    "\n  query DepartmentClaims($after: String) {\n    claims(first: 50, after: $after) {\n      nodes {\n        id\n        status\n        statePart\n        coPayment\n        approvedAt\n        paidAt\n        order {\n          id\n          number\n        }\n        payments(first: 5) {\n          nodes {\n            id\n            amount\n            paidAt\n            reference\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.DepartmentClaimsDocument,
    "\n  query SubmittedActs($after: String) {\n    serviceActs(status: SUBMITTED, first: 50, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        orderId\n        kind\n        itemTypeCode\n        period\n        hours\n        unitPrice\n        cost\n        statePart\n        status\n        version\n      }\n    }\n  }\n": typeof types.SubmittedActsDocument,
    "\n  mutation ApproveServiceAct($id: ID!, $version: Int!) {\n    approveServiceAct(id: $id, version: $version) {\n      id\n      status\n      version\n    }\n  }\n": typeof types.ApproveServiceActDocument,
    "\n  mutation ReturnServiceAct($id: ID!, $version: Int!, $reason: String!) {\n    returnServiceAct(id: $id, version: $version, reason: $reason) {\n      id\n      status\n      version\n      returnReason\n    }\n  }\n": typeof types.ReturnServiceActDocument,
    "\n  fragment Registration on Supplier {\n    id\n    kind\n    bin\n    iin\n    name\n    legalForm\n    legalAddress\n    actualAddress\n    headName\n    headIin\n    phone\n    email\n    okedCodes\n    regionCodes\n    founders\n    premises\n    status\n    submittedAt\n    decidedAt\n    rejectionReason\n    bankDetails {\n      bankName\n      bik\n      iban\n    }\n    registryChecks {\n      check\n      passed\n      reason\n      checkedAt\n    }\n    directionCards {\n      id\n      kind\n      okedCode\n      personnel {\n        fullName\n        position\n        qualification\n      }\n      documents {\n        id\n        kind\n        title\n        fileName\n        size\n      }\n    }\n  }\n": typeof types.RegistrationFragmentDoc,
    "\n  query MySupplierRegistrations {\n    mySupplierRegistrations(first: 20) {\n      nodes {\n        id\n        ...Registration\n      }\n    }\n  }\n": typeof types.MySupplierRegistrationsDocument,
    "\n  mutation StartSupplierRegistration($input: SupplierRegistrationInput!) {\n    startSupplierRegistration(input: $input) {\n      id\n      ...Registration\n    }\n  }\n": typeof types.StartSupplierRegistrationDocument,
    "\n  mutation UpdateSupplierRegistration($id: ID!, $input: SupplierRegistrationInput!) {\n    updateSupplierRegistration(id: $id, input: $input) {\n      id\n      ...Registration\n    }\n  }\n": typeof types.UpdateSupplierRegistrationDocument,
    "\n  mutation AddSupplierDirection($supplierId: ID!, $input: DirectionInput!) {\n    addSupplierDirection(supplierId: $supplierId, input: $input) {\n      id\n      kind\n      okedCode\n    }\n  }\n": typeof types.AddSupplierDirectionDocument,
    "\n  mutation RemoveSupplierDirection($id: ID!) {\n    removeSupplierDirection(id: $id)\n  }\n": typeof types.RemoveSupplierDirectionDocument,
    "\n  mutation UploadSupplierDocument($input: DocumentUploadInput!) {\n    uploadSupplierDocument(input: $input) {\n      id\n      kind\n      title\n      fileName\n      size\n    }\n  }\n": typeof types.UploadSupplierDocumentDocument,
    "\n  mutation SubmitSupplierRegistration($id: ID!) {\n    submitSupplierRegistration(id: $id) {\n      id\n      ...Registration\n    }\n  }\n": typeof types.SubmitSupplierRegistrationDocument,
    "\n  mutation RecipientConfirmHandover($id: ID!, $version: Int!) {\n    confirmHandover(id: $id, version: $version) {\n      id\n      status\n      version\n      recipientConfirmedAt\n      handedOverAt\n    }\n  }\n": typeof types.RecipientConfirmHandoverDocument,
    "\n  mutation RecipientCancelOrder($id: ID!, $version: Int!, $reason: String!) {\n    cancelOrder(id: $id, version: $version, reason: $reason) {\n      id\n      status\n      version\n      closedAt\n    }\n  }\n": typeof types.RecipientCancelOrderDocument,
    "\n  subscription MyOrderStatus {\n    orderStatusChanged {\n      cursor\n      orderId\n      status\n      version\n      order {\n        id\n        status\n        version\n        acceptedAt\n        handedOverAt\n        recipientConfirmedAt\n        refusalReason\n      }\n    }\n  }\n": typeof types.MyOrderStatusDocument,
    "\n  fragment MyOrder on Order {\n    id\n    number\n    status\n    kind\n    itemTypeCode\n    price\n    statePart\n    coPayment\n    quantity\n    createdAt\n    acceptDeadline\n    acceptedAt\n    handedOverAt\n    recipientConfirmedAt\n    refusalReason\n    version\n    recipient {\n      id\n    }\n    measure {\n      id\n      kind\n      itemTypeCode\n    }\n    offering {\n      id\n      title\n      supplier {\n        id\n        name\n      }\n    }\n  }\n": typeof types.MyOrderFragmentDoc,
    "\n  query MyOrders($after: String) {\n    orders(first: 50, after: $after) {\n      nodes {\n        id\n        ...MyOrder\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.MyOrdersDocument,
    "\n  query OrderReview($measureId: ID!, $offeringId: ID!) {\n    measure(id: $measureId) {\n      id\n      kind\n      itemTypeCode\n      quantity\n      guaranteedSum\n      status\n      version\n      person {\n        id\n        fullName\n      }\n    }\n    offering(id: $offeringId) {\n      id\n      title\n      price\n      deliveryMode\n      leadTimeDays\n      supplier {\n        id\n        name\n      }\n    }\n  }\n": typeof types.OrderReviewDocument,
    "\n  query OrderDocument($measureId: ID!, $offeringId: ID!, $idempotencyKey: String!) {\n    orderDocument(measureId: $measureId, offeringId: $offeringId, idempotencyKey: $idempotencyKey)\n  }\n": typeof types.OrderDocumentDocument,
    "\n  mutation CreateOrder($input: CreateOrderInput!) {\n    createOrder(input: $input) {\n      id\n      number\n      status\n      version\n    }\n  }\n": typeof types.CreateOrderDocument,
    "\n  query ActiveMaintenanceNotices($language: Language!) {\n    activeMaintenanceNotices(first: 5) {\n      nodes {\n        id\n        startsAt\n        endsAt\n        text(language: $language) {\n          text\n          language\n          fallback\n        }\n      }\n    }\n  }\n": typeof types.ActiveMaintenanceNoticesDocument,
    "\n  query Help($language: Language!) {\n    faqEntries(first: 100) {\n      nodes {\n        id\n        position\n        question(language: $language) {\n          text\n          language\n          fallback\n        }\n        answer(language: $language) {\n          text\n          language\n          fallback\n        }\n      }\n    }\n    contactCenter {\n      phone\n      updatedAt\n      hours(language: $language) {\n        text\n        language\n        fallback\n      }\n    }\n  }\n": typeof types.HelpDocument,
    "\n  query ContactCenter($language: Language!) {\n    contactCenter {\n      phone\n      updatedAt\n      hours(language: $language) {\n        text\n        language\n      }\n    }\n  }\n": typeof types.ContactCenterDocument,
    "\n  fragment IncomingOrder on Order {\n    id\n    number\n    status\n    price\n    quantity\n    createdAt\n    acceptDeadline\n    supplierConfirmedAt\n    refusalReason\n    version\n    offering {\n      id\n      title\n    }\n    recipient {\n      id\n      fullName\n    }\n    kind\n  }\n": typeof types.IncomingOrderFragmentDoc,
    "\n  query IncomingOrders($status: OrderStatus, $after: String) {\n    orders(status: $status, first: 50, after: $after) {\n      nodes {\n        id\n        ...IncomingOrder\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.IncomingOrdersDocument,
    "\n  mutation AcceptOrder($id: ID!, $version: Int!) {\n    acceptOrder(id: $id, version: $version) {\n      id\n      status\n      version\n      acceptedAt\n    }\n  }\n": typeof types.AcceptOrderDocument,
    "\n  mutation RefuseOrder($id: ID!, $version: Int!, $reason: String!) {\n    refuseOrder(id: $id, version: $version, reason: $reason) {\n      id\n      status\n      version\n      refusalReason\n    }\n  }\n": typeof types.RefuseOrderDocument,
    "\n  mutation MarkOrderReady($id: ID!, $version: Int!) {\n    markOrderReady(id: $id, version: $version) {\n      id\n      status\n      version\n    }\n  }\n": typeof types.MarkOrderReadyDocument,
    "\n  mutation SupplierConfirmHandover($id: ID!, $version: Int!) {\n    confirmHandover(id: $id, version: $version) {\n      id\n      status\n      version\n      supplierConfirmedAt\n      handedOverAt\n    }\n  }\n": typeof types.SupplierConfirmHandoverDocument,
    "\n  query ServiceOrders($after: String) {\n    orders(status: ACCEPTED, first: 100, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        number\n        kind\n        measure {\n          id\n          kind\n        }\n        recipient {\n          id\n          fullName\n        }\n      }\n    }\n  }\n": typeof types.ServiceOrdersDocument,
    "\n  fragment ActFields on ServiceAct {\n    id\n    orderId\n    kind\n    itemTypeCode\n    period\n    minutes\n    hours\n    unitPrice\n    cost\n    statePart\n    coPayment\n    status\n    returnReason\n    version\n  }\n": typeof types.ActFieldsFragmentDoc,
    "\n  query Journal($orderId: ID!, $journalAfter: String, $actsAfter: String) {\n    order(id: $orderId) {\n      id\n      number\n      kind\n      measure {\n        id\n        kind\n      }\n      journal(first: 100, after: $journalAfter) {\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          date\n          startTime\n          endTime\n          minutes\n          places\n          mode\n        }\n      }\n      acts(first: 24, after: $actsAfter) {\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          ...ActFields\n        }\n      }\n    }\n  }\n": typeof types.JournalDocument,
    "\n  mutation LogServiceHours($orderId: ID!, $input: JournalEntryInput!) {\n    logServiceHours(orderId: $orderId, input: $input) {\n      id\n      date\n      startTime\n      endTime\n      minutes\n      places\n      mode\n    }\n  }\n": typeof types.LogServiceHoursDocument,
    "\n  mutation GenerateServiceAct($orderId: ID!, $period: String!) {\n    generateServiceAct(orderId: $orderId, period: $period) {\n      id\n      ...ActFields\n    }\n  }\n": typeof types.GenerateServiceActDocument,
    "\n  mutation SubmitServiceAct($id: ID!, $version: Int!) {\n    submitServiceAct(id: $id, version: $version) {\n      id\n      status\n      version\n    }\n  }\n": typeof types.SubmitServiceActDocument,
    "\n  subscription SupplierIncomingOrders {\n    incomingOrders {\n      cursor\n      orderId\n      status\n      order {\n        id\n        number\n        status\n        version\n      }\n    }\n  }\n": typeof types.SupplierIncomingOrdersDocument,
    "\n  subscription SupplierOrderStatus {\n    orderStatusChanged {\n      cursor\n      orderId\n      status\n      order {\n        id\n        status\n        version\n        supplierConfirmedAt\n        refusalReason\n      }\n    }\n  }\n": typeof types.SupplierOrderStatusDocument,
    "\n  fragment SupplierOffering on Offering {\n    id\n    title\n    itemTypeCode\n    price\n    stock\n    leadTimeDays\n    deliveryMode\n    active\n    regionCodes\n    characteristics\n  }\n": typeof types.SupplierOfferingFragmentDoc,
    "\n  query SupplierCard($id: ID!, $offeringsAfter: String) {\n    supplier(id: $id) {\n      id\n      bin\n      name\n      legalForm\n      legalAddress\n      actualAddress\n      headName\n      phone\n      email\n      okedCodes\n      directions\n      regionCodes\n      status\n      offerings(first: 50, after: $offeringsAfter) {\n        nodes {\n          id\n          ...SupplierOffering\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.SupplierCardDocument,
    "\n  mutation UpdateOffering($id: ID!, $input: OfferingUpdate!) {\n    updateOffering(id: $id, input: $input) {\n      id\n      price\n      stock\n      leadTimeDays\n      active\n    }\n  }\n": typeof types.UpdateOfferingDocument,
    "\n  mutation CreateOffering($input: OfferingInput!) {\n    createOffering(input: $input) {\n      id\n      ...SupplierOffering\n    }\n  }\n": typeof types.CreateOfferingDocument,
    "\n  query MySupport {\n    complaints(first: 50) {\n      nodes {\n        id\n        status\n        text\n        orderId\n        supplierId\n        receivedAt\n        forwardDueAt\n        forwardedTo\n        answerDueAt\n        answeredAt\n        answer\n      }\n    }\n    failureTickets(first: 50) {\n      nodes {\n        id\n        number\n        status\n        description\n        reportedAt\n        decision\n        closedAt\n      }\n    }\n  }\n": typeof types.MySupportDocument,
    "\n  query ComplaintTargets($personId: ID!) {\n    person(id: $personId) {\n      id\n      regionCode\n    }\n    orders(first: 50) {\n      nodes {\n        id\n        number\n        recipient {\n          id\n        }\n        offering {\n          id\n          supplier {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.ComplaintTargetsDocument,
    "\n  query RegionSuppliers($regionCode: String!) {\n    suppliers(regionCode: $regionCode, first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n": typeof types.RegionSuppliersDocument,
    "\n  mutation FileComplaint($input: ComplaintInput!) {\n    fileComplaint(input: $input) {\n      id\n      status\n      text\n      orderId\n      supplierId\n      receivedAt\n      forwardDueAt\n      forwardedTo\n      answerDueAt\n      answeredAt\n      answer\n    }\n  }\n": typeof types.FileComplaintDocument,
    "\n  mutation ReportFailure($input: ReportFailureInput!) {\n    reportFailure(input: $input) {\n      id\n      number\n      status\n      description\n      reportedAt\n      decision\n      closedAt\n    }\n  }\n": typeof types.ReportFailureDocument,
    "\n  query ReferenceNames {\n    itemTypes(first: 200) {\n      nodes {\n        code\n        kind\n        nameKk\n        nameRu\n        nameEn\n      }\n    }\n    regions(first: 50) {\n      nodes {\n        code\n        nameKk\n        nameRu\n        nameEn\n      }\n    }\n  }\n": typeof types.ReferenceNamesDocument,
    "\n  query DevelopmentSigningKey($iin: String!) {\n    developmentSigningKey(iin: $iin) {\n      algorithm\n      privateKeyPkcs8\n      certificatePem\n    }\n  }\n": typeof types.DevelopmentSigningKeyDocument,
};
const documents: Documents = {
    "\n  query RegistrationsToVerify {\n    supplierRegistrations(status: SUBMITTED, first: 50) {\n      nodes {\n        id\n        ...Registration\n      }\n    }\n  }\n": types.RegistrationsToVerifyDocument,
    "\n  mutation VerifySupplier($id: ID!) {\n    verifySupplier(id: $id) {\n      id\n      status\n      decidedAt\n      registryChecks {\n        check\n        passed\n        reason\n        checkedAt\n      }\n    }\n  }\n": types.VerifySupplierDocument,
    "\n  mutation RejectSupplier($id: ID!, $reason: String!) {\n    rejectSupplier(id: $id, reason: $reason) {\n      id\n      status\n      decidedAt\n      rejectionReason\n    }\n  }\n": types.RejectSupplierDocument,
    "\n  fragment TicketClock on TicketClockView {\n    step\n    dueAt\n    doneAt\n    state\n    remainingWorkingMinutes\n  }\n": types.TicketClockFragmentDoc,
    "\n  query TicketsAtRisk {\n    ticketsAtRisk(first: 50) {\n      nodes {\n        id\n        number\n        status\n        reporterName\n        description\n        reportedAt\n        clocks {\n          ...TicketClock\n        }\n      }\n    }\n  }\n": types.TicketsAtRiskDocument,
    "\n  fragment AdminComplaint on Complaint {\n    id\n    status\n    text\n    regionCode\n    orderId\n    supplierId\n    receivedAt\n    forwardDueAt\n    forwardedTo\n    answerDueAt\n    overdue\n  }\n": types.AdminComplaintFragmentDoc,
    "\n  query AdminComplaints {\n    overdue: complaints(overdue: true, first: 50) {\n      nodes {\n        id\n        ...AdminComplaint\n      }\n    }\n    received: complaints(status: RECEIVED, first: 50) {\n      nodes {\n        id\n        ...AdminComplaint\n      }\n    }\n    forwarded: complaints(status: FORWARDED, first: 50) {\n      nodes {\n        id\n        ...AdminComplaint\n      }\n    }\n  }\n": types.AdminComplaintsDocument,
    "\n  mutation ForwardComplaint($id: ID!, $to: ResponsibleBody!) {\n    forwardComplaint(id: $id, to: $to) {\n      id\n      ...AdminComplaint\n    }\n  }\n": types.ForwardComplaintDocument,
    "\n  query AdminContent {\n    faqEntries(includeUnpublished: true, first: 100) {\n      nodes {\n        id\n        position\n        published\n        questionKk\n        questionRu\n        questionEn\n        answerKk\n        answerRu\n        answerEn\n      }\n    }\n    maintenanceNotices(first: 50) {\n      nodes {\n        id\n        startsAt\n        endsAt\n        textKk\n        textRu\n        textEn\n      }\n    }\n    contactCenter {\n      phone\n      hoursKk\n      hoursRu\n      hoursEn\n      updatedAt\n    }\n  }\n": types.AdminContentDocument,
    "\n  mutation SaveFaqEntry($id: ID, $input: FaqEntryInput!) {\n    saveFaqEntry(id: $id, input: $input) {\n      id\n      position\n      published\n      questionKk\n      questionRu\n      questionEn\n      answerKk\n      answerRu\n      answerEn\n    }\n  }\n": types.SaveFaqEntryDocument,
    "\n  mutation DeleteFaqEntry($id: ID!) {\n    deleteFaqEntry(id: $id)\n  }\n": types.DeleteFaqEntryDocument,
    "\n  mutation SaveMaintenanceNotice($id: ID, $input: MaintenanceNoticeInput!) {\n    saveMaintenanceNotice(id: $id, input: $input) {\n      id\n      startsAt\n      endsAt\n      textKk\n      textRu\n      textEn\n    }\n  }\n": types.SaveMaintenanceNoticeDocument,
    "\n  mutation DeleteMaintenanceNotice($id: ID!) {\n    deleteMaintenanceNotice(id: $id)\n  }\n": types.DeleteMaintenanceNoticeDocument,
    "\n  mutation SetContactCenter($input: ContactCenterInput!) {\n    setContactCenter(input: $input) {\n      phone\n      hoursKk\n      hoursRu\n      hoursEn\n      updatedAt\n    }\n  }\n": types.SetContactCenterDocument,
    "\n  fragment DeskTicket on FailureTicket {\n    id\n    number\n    status\n    reporterName\n    description\n    reportedAt\n    escalate\n    fixRequired\n    decision\n    clocks {\n      ...TicketClock\n    }\n    steps {\n      id\n      step\n      at\n      note\n    }\n  }\n": types.DeskTicketFragmentDoc,
    "\n  query DeskTickets($status: TicketStatus) {\n    failureTickets(status: $status, first: 50) {\n      nodes {\n        id\n        ...DeskTicket\n      }\n    }\n  }\n": types.DeskTicketsDocument,
    "\n  mutation RecordTicketStep($id: ID!, $input: TicketStepInput!) {\n    recordTicketStep(id: $id, input: $input) {\n      id\n      ...DeskTicket\n    }\n  }\n": types.RecordTicketStepDocument,
    "\n  query TicketBreachReport($year: Int!, $month: Int!) {\n    ticketBreachReport(year: $year, month: $month) {\n      year\n      month\n      due\n      breached\n      byStep {\n        step\n        due\n        breached\n      }\n    }\n  }\n": types.TicketBreachReportDocument,
    "\n  mutation AnswerComplaint($id: ID!, $answer: String!) {\n    answerComplaint(id: $id, answer: $answer) {\n      id\n      answer\n      answeredAt\n      ...AdminComplaint\n    }\n  }\n": types.AnswerComplaintDocument,
    "\n  fragment AdminSupplier on Supplier {\n    id\n    name\n    bin\n    iin\n    status\n    decidedAt\n    suspendedAt\n    suspensionReason\n  }\n": types.AdminSupplierFragmentDoc,
    "\n  query SuppliersToManage {\n    verified: supplierRegistrations(status: VERIFIED, first: 100) {\n      nodes {\n        id\n        ...AdminSupplier\n      }\n    }\n    suspended: supplierRegistrations(status: SUSPENDED, first: 100) {\n      nodes {\n        id\n        ...AdminSupplier\n      }\n    }\n  }\n": types.SuppliersToManageDocument,
    "\n  mutation SuspendSupplier($id: ID!, $reason: String!) {\n    suspendSupplier(id: $id, reason: $reason) {\n      id\n      ...AdminSupplier\n    }\n  }\n": types.SuspendSupplierDocument,
    "\n  mutation ReinstateSupplier($id: ID!) {\n    reinstateSupplier(id: $id) {\n      id\n      ...AdminSupplier\n    }\n  }\n": types.ReinstateSupplierDocument,
    "\n  mutation SignInChallenge($iin: String!) {\n    signInChallenge(iin: $iin) {\n      document\n      expiresAt\n    }\n  }\n": types.SignInChallengeDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      token\n      displayName\n      role\n    }\n  }\n": types.SignInDocument,
    "\n  query Me($after: String) {\n    me {\n      id\n      fullName\n      principals(first: 20, after: $after) {\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          kind\n          validTo\n          principal {\n            id\n            fullName\n          }\n        }\n      }\n    }\n  }\n": types.MeDocument,
    "\n  fragment MeasureRow on Measure {\n    id\n    kind\n    itemTypeCode\n    quantity\n    guaranteedSum\n    status\n    choiceDeadline\n    daysLeftToChoose\n    version\n  }\n": types.MeasureRowFragmentDoc,
    "\n  query Cabinet($id: ID!, $measuresAfter: String) {\n    person(id: $id) {\n      id\n      fullName\n      iin\n      birthDate\n      sex\n      address\n      phone\n      email\n      category\n      disabilityGroup\n      regionCode\n      program {\n        id\n        number\n        issuedOn\n        validUntil\n        measures(first: 50, after: $measuresAfter) {\n          nodes {\n            id\n            ...MeasureRow\n          }\n          pageInfo {\n            hasNextPage\n            endCursor\n          }\n        }\n      }\n    }\n  }\n": types.CabinetDocument,
    "\n  mutation UpdateMyContacts($input: ContactsInput!) {\n    updateMyContacts(input: $input) {\n      id\n      phone\n      email\n    }\n  }\n": types.UpdateMyContactsDocument,
    "\n  mutation ReactivateMeasure($id: ID!, $version: Int!) {\n    reactivateMeasure(id: $id, version: $version) {\n      id\n      status\n      version\n      choiceDeadline\n      daysLeftToChoose\n    }\n  }\n": types.ReactivateMeasureDocument,
    "\n  query MeasureForChoice($id: ID!) {\n    measure(id: $id) {\n      id\n      kind\n      itemTypeCode\n      regionCode\n      quantity\n      guaranteedSum\n      status\n      daysLeftToChoose\n    }\n  }\n": types.MeasureForChoiceDocument,
    "\n  fragment OfferingCard on Offering {\n    id\n    title\n    description\n    kind\n    itemTypeCode\n    price\n    deliveryMode\n    leadTimeDays\n    stock\n    regionCodes\n    characteristics\n    supplier {\n      id\n      name\n    }\n  }\n": types.OfferingCardFragmentDoc,
    "\n  query Offerings($filter: OfferingFilter, $first: Int, $after: String) {\n    offerings(filter: $filter, first: $first, after: $after) {\n      nodes {\n        id\n        ...OfferingCard\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.OfferingsDocument,
    "\n  fragment DepartmentMeasure on Measure {\n    id\n    kind\n    itemTypeCode\n    status\n    guaranteedSum\n    choiceDeadline\n    daysLeftToChoose\n    publishedAt\n    person {\n      id\n      fullName\n    }\n  }\n": types.DepartmentMeasureFragmentDoc,
    "\n  query DepartmentMeasures($status: MeasureStatus, $after: String) {\n    measures(status: $status, first: 50, after: $after) {\n      nodes {\n        id\n        ...DepartmentMeasure\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.DepartmentMeasuresDocument,
    "\n  query DepartmentOrders($after: String) {\n    orders(first: 200, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        kind\n        status\n        createdAt\n        handedOverAt\n        measure {\n          id\n          kind\n          publishedAt\n        }\n      }\n    }\n  }\n": types.DepartmentOrdersDocument,
    "\n  query DepartmentClaims($after: String) {\n    claims(first: 50, after: $after) {\n      nodes {\n        id\n        status\n        statePart\n        coPayment\n        approvedAt\n        paidAt\n        order {\n          id\n          number\n        }\n        payments(first: 5) {\n          nodes {\n            id\n            amount\n            paidAt\n            reference\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.DepartmentClaimsDocument,
    "\n  query SubmittedActs($after: String) {\n    serviceActs(status: SUBMITTED, first: 50, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        orderId\n        kind\n        itemTypeCode\n        period\n        hours\n        unitPrice\n        cost\n        statePart\n        status\n        version\n      }\n    }\n  }\n": types.SubmittedActsDocument,
    "\n  mutation ApproveServiceAct($id: ID!, $version: Int!) {\n    approveServiceAct(id: $id, version: $version) {\n      id\n      status\n      version\n    }\n  }\n": types.ApproveServiceActDocument,
    "\n  mutation ReturnServiceAct($id: ID!, $version: Int!, $reason: String!) {\n    returnServiceAct(id: $id, version: $version, reason: $reason) {\n      id\n      status\n      version\n      returnReason\n    }\n  }\n": types.ReturnServiceActDocument,
    "\n  fragment Registration on Supplier {\n    id\n    kind\n    bin\n    iin\n    name\n    legalForm\n    legalAddress\n    actualAddress\n    headName\n    headIin\n    phone\n    email\n    okedCodes\n    regionCodes\n    founders\n    premises\n    status\n    submittedAt\n    decidedAt\n    rejectionReason\n    bankDetails {\n      bankName\n      bik\n      iban\n    }\n    registryChecks {\n      check\n      passed\n      reason\n      checkedAt\n    }\n    directionCards {\n      id\n      kind\n      okedCode\n      personnel {\n        fullName\n        position\n        qualification\n      }\n      documents {\n        id\n        kind\n        title\n        fileName\n        size\n      }\n    }\n  }\n": types.RegistrationFragmentDoc,
    "\n  query MySupplierRegistrations {\n    mySupplierRegistrations(first: 20) {\n      nodes {\n        id\n        ...Registration\n      }\n    }\n  }\n": types.MySupplierRegistrationsDocument,
    "\n  mutation StartSupplierRegistration($input: SupplierRegistrationInput!) {\n    startSupplierRegistration(input: $input) {\n      id\n      ...Registration\n    }\n  }\n": types.StartSupplierRegistrationDocument,
    "\n  mutation UpdateSupplierRegistration($id: ID!, $input: SupplierRegistrationInput!) {\n    updateSupplierRegistration(id: $id, input: $input) {\n      id\n      ...Registration\n    }\n  }\n": types.UpdateSupplierRegistrationDocument,
    "\n  mutation AddSupplierDirection($supplierId: ID!, $input: DirectionInput!) {\n    addSupplierDirection(supplierId: $supplierId, input: $input) {\n      id\n      kind\n      okedCode\n    }\n  }\n": types.AddSupplierDirectionDocument,
    "\n  mutation RemoveSupplierDirection($id: ID!) {\n    removeSupplierDirection(id: $id)\n  }\n": types.RemoveSupplierDirectionDocument,
    "\n  mutation UploadSupplierDocument($input: DocumentUploadInput!) {\n    uploadSupplierDocument(input: $input) {\n      id\n      kind\n      title\n      fileName\n      size\n    }\n  }\n": types.UploadSupplierDocumentDocument,
    "\n  mutation SubmitSupplierRegistration($id: ID!) {\n    submitSupplierRegistration(id: $id) {\n      id\n      ...Registration\n    }\n  }\n": types.SubmitSupplierRegistrationDocument,
    "\n  mutation RecipientConfirmHandover($id: ID!, $version: Int!) {\n    confirmHandover(id: $id, version: $version) {\n      id\n      status\n      version\n      recipientConfirmedAt\n      handedOverAt\n    }\n  }\n": types.RecipientConfirmHandoverDocument,
    "\n  mutation RecipientCancelOrder($id: ID!, $version: Int!, $reason: String!) {\n    cancelOrder(id: $id, version: $version, reason: $reason) {\n      id\n      status\n      version\n      closedAt\n    }\n  }\n": types.RecipientCancelOrderDocument,
    "\n  subscription MyOrderStatus {\n    orderStatusChanged {\n      cursor\n      orderId\n      status\n      version\n      order {\n        id\n        status\n        version\n        acceptedAt\n        handedOverAt\n        recipientConfirmedAt\n        refusalReason\n      }\n    }\n  }\n": types.MyOrderStatusDocument,
    "\n  fragment MyOrder on Order {\n    id\n    number\n    status\n    kind\n    itemTypeCode\n    price\n    statePart\n    coPayment\n    quantity\n    createdAt\n    acceptDeadline\n    acceptedAt\n    handedOverAt\n    recipientConfirmedAt\n    refusalReason\n    version\n    recipient {\n      id\n    }\n    measure {\n      id\n      kind\n      itemTypeCode\n    }\n    offering {\n      id\n      title\n      supplier {\n        id\n        name\n      }\n    }\n  }\n": types.MyOrderFragmentDoc,
    "\n  query MyOrders($after: String) {\n    orders(first: 50, after: $after) {\n      nodes {\n        id\n        ...MyOrder\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.MyOrdersDocument,
    "\n  query OrderReview($measureId: ID!, $offeringId: ID!) {\n    measure(id: $measureId) {\n      id\n      kind\n      itemTypeCode\n      quantity\n      guaranteedSum\n      status\n      version\n      person {\n        id\n        fullName\n      }\n    }\n    offering(id: $offeringId) {\n      id\n      title\n      price\n      deliveryMode\n      leadTimeDays\n      supplier {\n        id\n        name\n      }\n    }\n  }\n": types.OrderReviewDocument,
    "\n  query OrderDocument($measureId: ID!, $offeringId: ID!, $idempotencyKey: String!) {\n    orderDocument(measureId: $measureId, offeringId: $offeringId, idempotencyKey: $idempotencyKey)\n  }\n": types.OrderDocumentDocument,
    "\n  mutation CreateOrder($input: CreateOrderInput!) {\n    createOrder(input: $input) {\n      id\n      number\n      status\n      version\n    }\n  }\n": types.CreateOrderDocument,
    "\n  query ActiveMaintenanceNotices($language: Language!) {\n    activeMaintenanceNotices(first: 5) {\n      nodes {\n        id\n        startsAt\n        endsAt\n        text(language: $language) {\n          text\n          language\n          fallback\n        }\n      }\n    }\n  }\n": types.ActiveMaintenanceNoticesDocument,
    "\n  query Help($language: Language!) {\n    faqEntries(first: 100) {\n      nodes {\n        id\n        position\n        question(language: $language) {\n          text\n          language\n          fallback\n        }\n        answer(language: $language) {\n          text\n          language\n          fallback\n        }\n      }\n    }\n    contactCenter {\n      phone\n      updatedAt\n      hours(language: $language) {\n        text\n        language\n        fallback\n      }\n    }\n  }\n": types.HelpDocument,
    "\n  query ContactCenter($language: Language!) {\n    contactCenter {\n      phone\n      updatedAt\n      hours(language: $language) {\n        text\n        language\n      }\n    }\n  }\n": types.ContactCenterDocument,
    "\n  fragment IncomingOrder on Order {\n    id\n    number\n    status\n    price\n    quantity\n    createdAt\n    acceptDeadline\n    supplierConfirmedAt\n    refusalReason\n    version\n    offering {\n      id\n      title\n    }\n    recipient {\n      id\n      fullName\n    }\n    kind\n  }\n": types.IncomingOrderFragmentDoc,
    "\n  query IncomingOrders($status: OrderStatus, $after: String) {\n    orders(status: $status, first: 50, after: $after) {\n      nodes {\n        id\n        ...IncomingOrder\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.IncomingOrdersDocument,
    "\n  mutation AcceptOrder($id: ID!, $version: Int!) {\n    acceptOrder(id: $id, version: $version) {\n      id\n      status\n      version\n      acceptedAt\n    }\n  }\n": types.AcceptOrderDocument,
    "\n  mutation RefuseOrder($id: ID!, $version: Int!, $reason: String!) {\n    refuseOrder(id: $id, version: $version, reason: $reason) {\n      id\n      status\n      version\n      refusalReason\n    }\n  }\n": types.RefuseOrderDocument,
    "\n  mutation MarkOrderReady($id: ID!, $version: Int!) {\n    markOrderReady(id: $id, version: $version) {\n      id\n      status\n      version\n    }\n  }\n": types.MarkOrderReadyDocument,
    "\n  mutation SupplierConfirmHandover($id: ID!, $version: Int!) {\n    confirmHandover(id: $id, version: $version) {\n      id\n      status\n      version\n      supplierConfirmedAt\n      handedOverAt\n    }\n  }\n": types.SupplierConfirmHandoverDocument,
    "\n  query ServiceOrders($after: String) {\n    orders(status: ACCEPTED, first: 100, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        number\n        kind\n        measure {\n          id\n          kind\n        }\n        recipient {\n          id\n          fullName\n        }\n      }\n    }\n  }\n": types.ServiceOrdersDocument,
    "\n  fragment ActFields on ServiceAct {\n    id\n    orderId\n    kind\n    itemTypeCode\n    period\n    minutes\n    hours\n    unitPrice\n    cost\n    statePart\n    coPayment\n    status\n    returnReason\n    version\n  }\n": types.ActFieldsFragmentDoc,
    "\n  query Journal($orderId: ID!, $journalAfter: String, $actsAfter: String) {\n    order(id: $orderId) {\n      id\n      number\n      kind\n      measure {\n        id\n        kind\n      }\n      journal(first: 100, after: $journalAfter) {\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          date\n          startTime\n          endTime\n          minutes\n          places\n          mode\n        }\n      }\n      acts(first: 24, after: $actsAfter) {\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          ...ActFields\n        }\n      }\n    }\n  }\n": types.JournalDocument,
    "\n  mutation LogServiceHours($orderId: ID!, $input: JournalEntryInput!) {\n    logServiceHours(orderId: $orderId, input: $input) {\n      id\n      date\n      startTime\n      endTime\n      minutes\n      places\n      mode\n    }\n  }\n": types.LogServiceHoursDocument,
    "\n  mutation GenerateServiceAct($orderId: ID!, $period: String!) {\n    generateServiceAct(orderId: $orderId, period: $period) {\n      id\n      ...ActFields\n    }\n  }\n": types.GenerateServiceActDocument,
    "\n  mutation SubmitServiceAct($id: ID!, $version: Int!) {\n    submitServiceAct(id: $id, version: $version) {\n      id\n      status\n      version\n    }\n  }\n": types.SubmitServiceActDocument,
    "\n  subscription SupplierIncomingOrders {\n    incomingOrders {\n      cursor\n      orderId\n      status\n      order {\n        id\n        number\n        status\n        version\n      }\n    }\n  }\n": types.SupplierIncomingOrdersDocument,
    "\n  subscription SupplierOrderStatus {\n    orderStatusChanged {\n      cursor\n      orderId\n      status\n      order {\n        id\n        status\n        version\n        supplierConfirmedAt\n        refusalReason\n      }\n    }\n  }\n": types.SupplierOrderStatusDocument,
    "\n  fragment SupplierOffering on Offering {\n    id\n    title\n    itemTypeCode\n    price\n    stock\n    leadTimeDays\n    deliveryMode\n    active\n    regionCodes\n    characteristics\n  }\n": types.SupplierOfferingFragmentDoc,
    "\n  query SupplierCard($id: ID!, $offeringsAfter: String) {\n    supplier(id: $id) {\n      id\n      bin\n      name\n      legalForm\n      legalAddress\n      actualAddress\n      headName\n      phone\n      email\n      okedCodes\n      directions\n      regionCodes\n      status\n      offerings(first: 50, after: $offeringsAfter) {\n        nodes {\n          id\n          ...SupplierOffering\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.SupplierCardDocument,
    "\n  mutation UpdateOffering($id: ID!, $input: OfferingUpdate!) {\n    updateOffering(id: $id, input: $input) {\n      id\n      price\n      stock\n      leadTimeDays\n      active\n    }\n  }\n": types.UpdateOfferingDocument,
    "\n  mutation CreateOffering($input: OfferingInput!) {\n    createOffering(input: $input) {\n      id\n      ...SupplierOffering\n    }\n  }\n": types.CreateOfferingDocument,
    "\n  query MySupport {\n    complaints(first: 50) {\n      nodes {\n        id\n        status\n        text\n        orderId\n        supplierId\n        receivedAt\n        forwardDueAt\n        forwardedTo\n        answerDueAt\n        answeredAt\n        answer\n      }\n    }\n    failureTickets(first: 50) {\n      nodes {\n        id\n        number\n        status\n        description\n        reportedAt\n        decision\n        closedAt\n      }\n    }\n  }\n": types.MySupportDocument,
    "\n  query ComplaintTargets($personId: ID!) {\n    person(id: $personId) {\n      id\n      regionCode\n    }\n    orders(first: 50) {\n      nodes {\n        id\n        number\n        recipient {\n          id\n        }\n        offering {\n          id\n          supplier {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": types.ComplaintTargetsDocument,
    "\n  query RegionSuppliers($regionCode: String!) {\n    suppliers(regionCode: $regionCode, first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n": types.RegionSuppliersDocument,
    "\n  mutation FileComplaint($input: ComplaintInput!) {\n    fileComplaint(input: $input) {\n      id\n      status\n      text\n      orderId\n      supplierId\n      receivedAt\n      forwardDueAt\n      forwardedTo\n      answerDueAt\n      answeredAt\n      answer\n    }\n  }\n": types.FileComplaintDocument,
    "\n  mutation ReportFailure($input: ReportFailureInput!) {\n    reportFailure(input: $input) {\n      id\n      number\n      status\n      description\n      reportedAt\n      decision\n      closedAt\n    }\n  }\n": types.ReportFailureDocument,
    "\n  query ReferenceNames {\n    itemTypes(first: 200) {\n      nodes {\n        code\n        kind\n        nameKk\n        nameRu\n        nameEn\n      }\n    }\n    regions(first: 50) {\n      nodes {\n        code\n        nameKk\n        nameRu\n        nameEn\n      }\n    }\n  }\n": types.ReferenceNamesDocument,
    "\n  query DevelopmentSigningKey($iin: String!) {\n    developmentSigningKey(iin: $iin) {\n      algorithm\n      privateKeyPkcs8\n      certificatePem\n    }\n  }\n": types.DevelopmentSigningKeyDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RegistrationsToVerify {\n    supplierRegistrations(status: SUBMITTED, first: 50) {\n      nodes {\n        id\n        ...Registration\n      }\n    }\n  }\n"): (typeof documents)["\n  query RegistrationsToVerify {\n    supplierRegistrations(status: SUBMITTED, first: 50) {\n      nodes {\n        id\n        ...Registration\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifySupplier($id: ID!) {\n    verifySupplier(id: $id) {\n      id\n      status\n      decidedAt\n      registryChecks {\n        check\n        passed\n        reason\n        checkedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation VerifySupplier($id: ID!) {\n    verifySupplier(id: $id) {\n      id\n      status\n      decidedAt\n      registryChecks {\n        check\n        passed\n        reason\n        checkedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectSupplier($id: ID!, $reason: String!) {\n    rejectSupplier(id: $id, reason: $reason) {\n      id\n      status\n      decidedAt\n      rejectionReason\n    }\n  }\n"): (typeof documents)["\n  mutation RejectSupplier($id: ID!, $reason: String!) {\n    rejectSupplier(id: $id, reason: $reason) {\n      id\n      status\n      decidedAt\n      rejectionReason\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TicketClock on TicketClockView {\n    step\n    dueAt\n    doneAt\n    state\n    remainingWorkingMinutes\n  }\n"): (typeof documents)["\n  fragment TicketClock on TicketClockView {\n    step\n    dueAt\n    doneAt\n    state\n    remainingWorkingMinutes\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TicketsAtRisk {\n    ticketsAtRisk(first: 50) {\n      nodes {\n        id\n        number\n        status\n        reporterName\n        description\n        reportedAt\n        clocks {\n          ...TicketClock\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TicketsAtRisk {\n    ticketsAtRisk(first: 50) {\n      nodes {\n        id\n        number\n        status\n        reporterName\n        description\n        reportedAt\n        clocks {\n          ...TicketClock\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminComplaint on Complaint {\n    id\n    status\n    text\n    regionCode\n    orderId\n    supplierId\n    receivedAt\n    forwardDueAt\n    forwardedTo\n    answerDueAt\n    overdue\n  }\n"): (typeof documents)["\n  fragment AdminComplaint on Complaint {\n    id\n    status\n    text\n    regionCode\n    orderId\n    supplierId\n    receivedAt\n    forwardDueAt\n    forwardedTo\n    answerDueAt\n    overdue\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminComplaints {\n    overdue: complaints(overdue: true, first: 50) {\n      nodes {\n        id\n        ...AdminComplaint\n      }\n    }\n    received: complaints(status: RECEIVED, first: 50) {\n      nodes {\n        id\n        ...AdminComplaint\n      }\n    }\n    forwarded: complaints(status: FORWARDED, first: 50) {\n      nodes {\n        id\n        ...AdminComplaint\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminComplaints {\n    overdue: complaints(overdue: true, first: 50) {\n      nodes {\n        id\n        ...AdminComplaint\n      }\n    }\n    received: complaints(status: RECEIVED, first: 50) {\n      nodes {\n        id\n        ...AdminComplaint\n      }\n    }\n    forwarded: complaints(status: FORWARDED, first: 50) {\n      nodes {\n        id\n        ...AdminComplaint\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ForwardComplaint($id: ID!, $to: ResponsibleBody!) {\n    forwardComplaint(id: $id, to: $to) {\n      id\n      ...AdminComplaint\n    }\n  }\n"): (typeof documents)["\n  mutation ForwardComplaint($id: ID!, $to: ResponsibleBody!) {\n    forwardComplaint(id: $id, to: $to) {\n      id\n      ...AdminComplaint\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminContent {\n    faqEntries(includeUnpublished: true, first: 100) {\n      nodes {\n        id\n        position\n        published\n        questionKk\n        questionRu\n        questionEn\n        answerKk\n        answerRu\n        answerEn\n      }\n    }\n    maintenanceNotices(first: 50) {\n      nodes {\n        id\n        startsAt\n        endsAt\n        textKk\n        textRu\n        textEn\n      }\n    }\n    contactCenter {\n      phone\n      hoursKk\n      hoursRu\n      hoursEn\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  query AdminContent {\n    faqEntries(includeUnpublished: true, first: 100) {\n      nodes {\n        id\n        position\n        published\n        questionKk\n        questionRu\n        questionEn\n        answerKk\n        answerRu\n        answerEn\n      }\n    }\n    maintenanceNotices(first: 50) {\n      nodes {\n        id\n        startsAt\n        endsAt\n        textKk\n        textRu\n        textEn\n      }\n    }\n    contactCenter {\n      phone\n      hoursKk\n      hoursRu\n      hoursEn\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveFaqEntry($id: ID, $input: FaqEntryInput!) {\n    saveFaqEntry(id: $id, input: $input) {\n      id\n      position\n      published\n      questionKk\n      questionRu\n      questionEn\n      answerKk\n      answerRu\n      answerEn\n    }\n  }\n"): (typeof documents)["\n  mutation SaveFaqEntry($id: ID, $input: FaqEntryInput!) {\n    saveFaqEntry(id: $id, input: $input) {\n      id\n      position\n      published\n      questionKk\n      questionRu\n      questionEn\n      answerKk\n      answerRu\n      answerEn\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteFaqEntry($id: ID!) {\n    deleteFaqEntry(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteFaqEntry($id: ID!) {\n    deleteFaqEntry(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveMaintenanceNotice($id: ID, $input: MaintenanceNoticeInput!) {\n    saveMaintenanceNotice(id: $id, input: $input) {\n      id\n      startsAt\n      endsAt\n      textKk\n      textRu\n      textEn\n    }\n  }\n"): (typeof documents)["\n  mutation SaveMaintenanceNotice($id: ID, $input: MaintenanceNoticeInput!) {\n    saveMaintenanceNotice(id: $id, input: $input) {\n      id\n      startsAt\n      endsAt\n      textKk\n      textRu\n      textEn\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteMaintenanceNotice($id: ID!) {\n    deleteMaintenanceNotice(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteMaintenanceNotice($id: ID!) {\n    deleteMaintenanceNotice(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetContactCenter($input: ContactCenterInput!) {\n    setContactCenter(input: $input) {\n      phone\n      hoursKk\n      hoursRu\n      hoursEn\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  mutation SetContactCenter($input: ContactCenterInput!) {\n    setContactCenter(input: $input) {\n      phone\n      hoursKk\n      hoursRu\n      hoursEn\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DeskTicket on FailureTicket {\n    id\n    number\n    status\n    reporterName\n    description\n    reportedAt\n    escalate\n    fixRequired\n    decision\n    clocks {\n      ...TicketClock\n    }\n    steps {\n      id\n      step\n      at\n      note\n    }\n  }\n"): (typeof documents)["\n  fragment DeskTicket on FailureTicket {\n    id\n    number\n    status\n    reporterName\n    description\n    reportedAt\n    escalate\n    fixRequired\n    decision\n    clocks {\n      ...TicketClock\n    }\n    steps {\n      id\n      step\n      at\n      note\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeskTickets($status: TicketStatus) {\n    failureTickets(status: $status, first: 50) {\n      nodes {\n        id\n        ...DeskTicket\n      }\n    }\n  }\n"): (typeof documents)["\n  query DeskTickets($status: TicketStatus) {\n    failureTickets(status: $status, first: 50) {\n      nodes {\n        id\n        ...DeskTicket\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordTicketStep($id: ID!, $input: TicketStepInput!) {\n    recordTicketStep(id: $id, input: $input) {\n      id\n      ...DeskTicket\n    }\n  }\n"): (typeof documents)["\n  mutation RecordTicketStep($id: ID!, $input: TicketStepInput!) {\n    recordTicketStep(id: $id, input: $input) {\n      id\n      ...DeskTicket\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TicketBreachReport($year: Int!, $month: Int!) {\n    ticketBreachReport(year: $year, month: $month) {\n      year\n      month\n      due\n      breached\n      byStep {\n        step\n        due\n        breached\n      }\n    }\n  }\n"): (typeof documents)["\n  query TicketBreachReport($year: Int!, $month: Int!) {\n    ticketBreachReport(year: $year, month: $month) {\n      year\n      month\n      due\n      breached\n      byStep {\n        step\n        due\n        breached\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AnswerComplaint($id: ID!, $answer: String!) {\n    answerComplaint(id: $id, answer: $answer) {\n      id\n      answer\n      answeredAt\n      ...AdminComplaint\n    }\n  }\n"): (typeof documents)["\n  mutation AnswerComplaint($id: ID!, $answer: String!) {\n    answerComplaint(id: $id, answer: $answer) {\n      id\n      answer\n      answeredAt\n      ...AdminComplaint\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminSupplier on Supplier {\n    id\n    name\n    bin\n    iin\n    status\n    decidedAt\n    suspendedAt\n    suspensionReason\n  }\n"): (typeof documents)["\n  fragment AdminSupplier on Supplier {\n    id\n    name\n    bin\n    iin\n    status\n    decidedAt\n    suspendedAt\n    suspensionReason\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SuppliersToManage {\n    verified: supplierRegistrations(status: VERIFIED, first: 100) {\n      nodes {\n        id\n        ...AdminSupplier\n      }\n    }\n    suspended: supplierRegistrations(status: SUSPENDED, first: 100) {\n      nodes {\n        id\n        ...AdminSupplier\n      }\n    }\n  }\n"): (typeof documents)["\n  query SuppliersToManage {\n    verified: supplierRegistrations(status: VERIFIED, first: 100) {\n      nodes {\n        id\n        ...AdminSupplier\n      }\n    }\n    suspended: supplierRegistrations(status: SUSPENDED, first: 100) {\n      nodes {\n        id\n        ...AdminSupplier\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SuspendSupplier($id: ID!, $reason: String!) {\n    suspendSupplier(id: $id, reason: $reason) {\n      id\n      ...AdminSupplier\n    }\n  }\n"): (typeof documents)["\n  mutation SuspendSupplier($id: ID!, $reason: String!) {\n    suspendSupplier(id: $id, reason: $reason) {\n      id\n      ...AdminSupplier\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReinstateSupplier($id: ID!) {\n    reinstateSupplier(id: $id) {\n      id\n      ...AdminSupplier\n    }\n  }\n"): (typeof documents)["\n  mutation ReinstateSupplier($id: ID!) {\n    reinstateSupplier(id: $id) {\n      id\n      ...AdminSupplier\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignInChallenge($iin: String!) {\n    signInChallenge(iin: $iin) {\n      document\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation SignInChallenge($iin: String!) {\n    signInChallenge(iin: $iin) {\n      document\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      token\n      displayName\n      role\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      token\n      displayName\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me($after: String) {\n    me {\n      id\n      fullName\n      principals(first: 20, after: $after) {\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          kind\n          validTo\n          principal {\n            id\n            fullName\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Me($after: String) {\n    me {\n      id\n      fullName\n      principals(first: 20, after: $after) {\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          kind\n          validTo\n          principal {\n            id\n            fullName\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MeasureRow on Measure {\n    id\n    kind\n    itemTypeCode\n    quantity\n    guaranteedSum\n    status\n    choiceDeadline\n    daysLeftToChoose\n    version\n  }\n"): (typeof documents)["\n  fragment MeasureRow on Measure {\n    id\n    kind\n    itemTypeCode\n    quantity\n    guaranteedSum\n    status\n    choiceDeadline\n    daysLeftToChoose\n    version\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Cabinet($id: ID!, $measuresAfter: String) {\n    person(id: $id) {\n      id\n      fullName\n      iin\n      birthDate\n      sex\n      address\n      phone\n      email\n      category\n      disabilityGroup\n      regionCode\n      program {\n        id\n        number\n        issuedOn\n        validUntil\n        measures(first: 50, after: $measuresAfter) {\n          nodes {\n            id\n            ...MeasureRow\n          }\n          pageInfo {\n            hasNextPage\n            endCursor\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Cabinet($id: ID!, $measuresAfter: String) {\n    person(id: $id) {\n      id\n      fullName\n      iin\n      birthDate\n      sex\n      address\n      phone\n      email\n      category\n      disabilityGroup\n      regionCode\n      program {\n        id\n        number\n        issuedOn\n        validUntil\n        measures(first: 50, after: $measuresAfter) {\n          nodes {\n            id\n            ...MeasureRow\n          }\n          pageInfo {\n            hasNextPage\n            endCursor\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMyContacts($input: ContactsInput!) {\n    updateMyContacts(input: $input) {\n      id\n      phone\n      email\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateMyContacts($input: ContactsInput!) {\n    updateMyContacts(input: $input) {\n      id\n      phone\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReactivateMeasure($id: ID!, $version: Int!) {\n    reactivateMeasure(id: $id, version: $version) {\n      id\n      status\n      version\n      choiceDeadline\n      daysLeftToChoose\n    }\n  }\n"): (typeof documents)["\n  mutation ReactivateMeasure($id: ID!, $version: Int!) {\n    reactivateMeasure(id: $id, version: $version) {\n      id\n      status\n      version\n      choiceDeadline\n      daysLeftToChoose\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MeasureForChoice($id: ID!) {\n    measure(id: $id) {\n      id\n      kind\n      itemTypeCode\n      regionCode\n      quantity\n      guaranteedSum\n      status\n      daysLeftToChoose\n    }\n  }\n"): (typeof documents)["\n  query MeasureForChoice($id: ID!) {\n    measure(id: $id) {\n      id\n      kind\n      itemTypeCode\n      regionCode\n      quantity\n      guaranteedSum\n      status\n      daysLeftToChoose\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OfferingCard on Offering {\n    id\n    title\n    description\n    kind\n    itemTypeCode\n    price\n    deliveryMode\n    leadTimeDays\n    stock\n    regionCodes\n    characteristics\n    supplier {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment OfferingCard on Offering {\n    id\n    title\n    description\n    kind\n    itemTypeCode\n    price\n    deliveryMode\n    leadTimeDays\n    stock\n    regionCodes\n    characteristics\n    supplier {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Offerings($filter: OfferingFilter, $first: Int, $after: String) {\n    offerings(filter: $filter, first: $first, after: $after) {\n      nodes {\n        id\n        ...OfferingCard\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Offerings($filter: OfferingFilter, $first: Int, $after: String) {\n    offerings(filter: $filter, first: $first, after: $after) {\n      nodes {\n        id\n        ...OfferingCard\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DepartmentMeasure on Measure {\n    id\n    kind\n    itemTypeCode\n    status\n    guaranteedSum\n    choiceDeadline\n    daysLeftToChoose\n    publishedAt\n    person {\n      id\n      fullName\n    }\n  }\n"): (typeof documents)["\n  fragment DepartmentMeasure on Measure {\n    id\n    kind\n    itemTypeCode\n    status\n    guaranteedSum\n    choiceDeadline\n    daysLeftToChoose\n    publishedAt\n    person {\n      id\n      fullName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DepartmentMeasures($status: MeasureStatus, $after: String) {\n    measures(status: $status, first: 50, after: $after) {\n      nodes {\n        id\n        ...DepartmentMeasure\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query DepartmentMeasures($status: MeasureStatus, $after: String) {\n    measures(status: $status, first: 50, after: $after) {\n      nodes {\n        id\n        ...DepartmentMeasure\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DepartmentOrders($after: String) {\n    orders(first: 200, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        kind\n        status\n        createdAt\n        handedOverAt\n        measure {\n          id\n          kind\n          publishedAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DepartmentOrders($after: String) {\n    orders(first: 200, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        kind\n        status\n        createdAt\n        handedOverAt\n        measure {\n          id\n          kind\n          publishedAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DepartmentClaims($after: String) {\n    claims(first: 50, after: $after) {\n      nodes {\n        id\n        status\n        statePart\n        coPayment\n        approvedAt\n        paidAt\n        order {\n          id\n          number\n        }\n        payments(first: 5) {\n          nodes {\n            id\n            amount\n            paidAt\n            reference\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query DepartmentClaims($after: String) {\n    claims(first: 50, after: $after) {\n      nodes {\n        id\n        status\n        statePart\n        coPayment\n        approvedAt\n        paidAt\n        order {\n          id\n          number\n        }\n        payments(first: 5) {\n          nodes {\n            id\n            amount\n            paidAt\n            reference\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SubmittedActs($after: String) {\n    serviceActs(status: SUBMITTED, first: 50, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        orderId\n        kind\n        itemTypeCode\n        period\n        hours\n        unitPrice\n        cost\n        statePart\n        status\n        version\n      }\n    }\n  }\n"): (typeof documents)["\n  query SubmittedActs($after: String) {\n    serviceActs(status: SUBMITTED, first: 50, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        orderId\n        kind\n        itemTypeCode\n        period\n        hours\n        unitPrice\n        cost\n        statePart\n        status\n        version\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveServiceAct($id: ID!, $version: Int!) {\n    approveServiceAct(id: $id, version: $version) {\n      id\n      status\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation ApproveServiceAct($id: ID!, $version: Int!) {\n    approveServiceAct(id: $id, version: $version) {\n      id\n      status\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReturnServiceAct($id: ID!, $version: Int!, $reason: String!) {\n    returnServiceAct(id: $id, version: $version, reason: $reason) {\n      id\n      status\n      version\n      returnReason\n    }\n  }\n"): (typeof documents)["\n  mutation ReturnServiceAct($id: ID!, $version: Int!, $reason: String!) {\n    returnServiceAct(id: $id, version: $version, reason: $reason) {\n      id\n      status\n      version\n      returnReason\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment Registration on Supplier {\n    id\n    kind\n    bin\n    iin\n    name\n    legalForm\n    legalAddress\n    actualAddress\n    headName\n    headIin\n    phone\n    email\n    okedCodes\n    regionCodes\n    founders\n    premises\n    status\n    submittedAt\n    decidedAt\n    rejectionReason\n    bankDetails {\n      bankName\n      bik\n      iban\n    }\n    registryChecks {\n      check\n      passed\n      reason\n      checkedAt\n    }\n    directionCards {\n      id\n      kind\n      okedCode\n      personnel {\n        fullName\n        position\n        qualification\n      }\n      documents {\n        id\n        kind\n        title\n        fileName\n        size\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment Registration on Supplier {\n    id\n    kind\n    bin\n    iin\n    name\n    legalForm\n    legalAddress\n    actualAddress\n    headName\n    headIin\n    phone\n    email\n    okedCodes\n    regionCodes\n    founders\n    premises\n    status\n    submittedAt\n    decidedAt\n    rejectionReason\n    bankDetails {\n      bankName\n      bik\n      iban\n    }\n    registryChecks {\n      check\n      passed\n      reason\n      checkedAt\n    }\n    directionCards {\n      id\n      kind\n      okedCode\n      personnel {\n        fullName\n        position\n        qualification\n      }\n      documents {\n        id\n        kind\n        title\n        fileName\n        size\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MySupplierRegistrations {\n    mySupplierRegistrations(first: 20) {\n      nodes {\n        id\n        ...Registration\n      }\n    }\n  }\n"): (typeof documents)["\n  query MySupplierRegistrations {\n    mySupplierRegistrations(first: 20) {\n      nodes {\n        id\n        ...Registration\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartSupplierRegistration($input: SupplierRegistrationInput!) {\n    startSupplierRegistration(input: $input) {\n      id\n      ...Registration\n    }\n  }\n"): (typeof documents)["\n  mutation StartSupplierRegistration($input: SupplierRegistrationInput!) {\n    startSupplierRegistration(input: $input) {\n      id\n      ...Registration\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateSupplierRegistration($id: ID!, $input: SupplierRegistrationInput!) {\n    updateSupplierRegistration(id: $id, input: $input) {\n      id\n      ...Registration\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateSupplierRegistration($id: ID!, $input: SupplierRegistrationInput!) {\n    updateSupplierRegistration(id: $id, input: $input) {\n      id\n      ...Registration\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddSupplierDirection($supplierId: ID!, $input: DirectionInput!) {\n    addSupplierDirection(supplierId: $supplierId, input: $input) {\n      id\n      kind\n      okedCode\n    }\n  }\n"): (typeof documents)["\n  mutation AddSupplierDirection($supplierId: ID!, $input: DirectionInput!) {\n    addSupplierDirection(supplierId: $supplierId, input: $input) {\n      id\n      kind\n      okedCode\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveSupplierDirection($id: ID!) {\n    removeSupplierDirection(id: $id)\n  }\n"): (typeof documents)["\n  mutation RemoveSupplierDirection($id: ID!) {\n    removeSupplierDirection(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UploadSupplierDocument($input: DocumentUploadInput!) {\n    uploadSupplierDocument(input: $input) {\n      id\n      kind\n      title\n      fileName\n      size\n    }\n  }\n"): (typeof documents)["\n  mutation UploadSupplierDocument($input: DocumentUploadInput!) {\n    uploadSupplierDocument(input: $input) {\n      id\n      kind\n      title\n      fileName\n      size\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitSupplierRegistration($id: ID!) {\n    submitSupplierRegistration(id: $id) {\n      id\n      ...Registration\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitSupplierRegistration($id: ID!) {\n    submitSupplierRegistration(id: $id) {\n      id\n      ...Registration\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecipientConfirmHandover($id: ID!, $version: Int!) {\n    confirmHandover(id: $id, version: $version) {\n      id\n      status\n      version\n      recipientConfirmedAt\n      handedOverAt\n    }\n  }\n"): (typeof documents)["\n  mutation RecipientConfirmHandover($id: ID!, $version: Int!) {\n    confirmHandover(id: $id, version: $version) {\n      id\n      status\n      version\n      recipientConfirmedAt\n      handedOverAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecipientCancelOrder($id: ID!, $version: Int!, $reason: String!) {\n    cancelOrder(id: $id, version: $version, reason: $reason) {\n      id\n      status\n      version\n      closedAt\n    }\n  }\n"): (typeof documents)["\n  mutation RecipientCancelOrder($id: ID!, $version: Int!, $reason: String!) {\n    cancelOrder(id: $id, version: $version, reason: $reason) {\n      id\n      status\n      version\n      closedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription MyOrderStatus {\n    orderStatusChanged {\n      cursor\n      orderId\n      status\n      version\n      order {\n        id\n        status\n        version\n        acceptedAt\n        handedOverAt\n        recipientConfirmedAt\n        refusalReason\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription MyOrderStatus {\n    orderStatusChanged {\n      cursor\n      orderId\n      status\n      version\n      order {\n        id\n        status\n        version\n        acceptedAt\n        handedOverAt\n        recipientConfirmedAt\n        refusalReason\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MyOrder on Order {\n    id\n    number\n    status\n    kind\n    itemTypeCode\n    price\n    statePart\n    coPayment\n    quantity\n    createdAt\n    acceptDeadline\n    acceptedAt\n    handedOverAt\n    recipientConfirmedAt\n    refusalReason\n    version\n    recipient {\n      id\n    }\n    measure {\n      id\n      kind\n      itemTypeCode\n    }\n    offering {\n      id\n      title\n      supplier {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment MyOrder on Order {\n    id\n    number\n    status\n    kind\n    itemTypeCode\n    price\n    statePart\n    coPayment\n    quantity\n    createdAt\n    acceptDeadline\n    acceptedAt\n    handedOverAt\n    recipientConfirmedAt\n    refusalReason\n    version\n    recipient {\n      id\n    }\n    measure {\n      id\n      kind\n      itemTypeCode\n    }\n    offering {\n      id\n      title\n      supplier {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyOrders($after: String) {\n    orders(first: 50, after: $after) {\n      nodes {\n        id\n        ...MyOrder\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyOrders($after: String) {\n    orders(first: 50, after: $after) {\n      nodes {\n        id\n        ...MyOrder\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrderReview($measureId: ID!, $offeringId: ID!) {\n    measure(id: $measureId) {\n      id\n      kind\n      itemTypeCode\n      quantity\n      guaranteedSum\n      status\n      version\n      person {\n        id\n        fullName\n      }\n    }\n    offering(id: $offeringId) {\n      id\n      title\n      price\n      deliveryMode\n      leadTimeDays\n      supplier {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrderReview($measureId: ID!, $offeringId: ID!) {\n    measure(id: $measureId) {\n      id\n      kind\n      itemTypeCode\n      quantity\n      guaranteedSum\n      status\n      version\n      person {\n        id\n        fullName\n      }\n    }\n    offering(id: $offeringId) {\n      id\n      title\n      price\n      deliveryMode\n      leadTimeDays\n      supplier {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrderDocument($measureId: ID!, $offeringId: ID!, $idempotencyKey: String!) {\n    orderDocument(measureId: $measureId, offeringId: $offeringId, idempotencyKey: $idempotencyKey)\n  }\n"): (typeof documents)["\n  query OrderDocument($measureId: ID!, $offeringId: ID!, $idempotencyKey: String!) {\n    orderDocument(measureId: $measureId, offeringId: $offeringId, idempotencyKey: $idempotencyKey)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateOrder($input: CreateOrderInput!) {\n    createOrder(input: $input) {\n      id\n      number\n      status\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation CreateOrder($input: CreateOrderInput!) {\n    createOrder(input: $input) {\n      id\n      number\n      status\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ActiveMaintenanceNotices($language: Language!) {\n    activeMaintenanceNotices(first: 5) {\n      nodes {\n        id\n        startsAt\n        endsAt\n        text(language: $language) {\n          text\n          language\n          fallback\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ActiveMaintenanceNotices($language: Language!) {\n    activeMaintenanceNotices(first: 5) {\n      nodes {\n        id\n        startsAt\n        endsAt\n        text(language: $language) {\n          text\n          language\n          fallback\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Help($language: Language!) {\n    faqEntries(first: 100) {\n      nodes {\n        id\n        position\n        question(language: $language) {\n          text\n          language\n          fallback\n        }\n        answer(language: $language) {\n          text\n          language\n          fallback\n        }\n      }\n    }\n    contactCenter {\n      phone\n      updatedAt\n      hours(language: $language) {\n        text\n        language\n        fallback\n      }\n    }\n  }\n"): (typeof documents)["\n  query Help($language: Language!) {\n    faqEntries(first: 100) {\n      nodes {\n        id\n        position\n        question(language: $language) {\n          text\n          language\n          fallback\n        }\n        answer(language: $language) {\n          text\n          language\n          fallback\n        }\n      }\n    }\n    contactCenter {\n      phone\n      updatedAt\n      hours(language: $language) {\n        text\n        language\n        fallback\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ContactCenter($language: Language!) {\n    contactCenter {\n      phone\n      updatedAt\n      hours(language: $language) {\n        text\n        language\n      }\n    }\n  }\n"): (typeof documents)["\n  query ContactCenter($language: Language!) {\n    contactCenter {\n      phone\n      updatedAt\n      hours(language: $language) {\n        text\n        language\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment IncomingOrder on Order {\n    id\n    number\n    status\n    price\n    quantity\n    createdAt\n    acceptDeadline\n    supplierConfirmedAt\n    refusalReason\n    version\n    offering {\n      id\n      title\n    }\n    recipient {\n      id\n      fullName\n    }\n    kind\n  }\n"): (typeof documents)["\n  fragment IncomingOrder on Order {\n    id\n    number\n    status\n    price\n    quantity\n    createdAt\n    acceptDeadline\n    supplierConfirmedAt\n    refusalReason\n    version\n    offering {\n      id\n      title\n    }\n    recipient {\n      id\n      fullName\n    }\n    kind\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IncomingOrders($status: OrderStatus, $after: String) {\n    orders(status: $status, first: 50, after: $after) {\n      nodes {\n        id\n        ...IncomingOrder\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query IncomingOrders($status: OrderStatus, $after: String) {\n    orders(status: $status, first: 50, after: $after) {\n      nodes {\n        id\n        ...IncomingOrder\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptOrder($id: ID!, $version: Int!) {\n    acceptOrder(id: $id, version: $version) {\n      id\n      status\n      version\n      acceptedAt\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptOrder($id: ID!, $version: Int!) {\n    acceptOrder(id: $id, version: $version) {\n      id\n      status\n      version\n      acceptedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefuseOrder($id: ID!, $version: Int!, $reason: String!) {\n    refuseOrder(id: $id, version: $version, reason: $reason) {\n      id\n      status\n      version\n      refusalReason\n    }\n  }\n"): (typeof documents)["\n  mutation RefuseOrder($id: ID!, $version: Int!, $reason: String!) {\n    refuseOrder(id: $id, version: $version, reason: $reason) {\n      id\n      status\n      version\n      refusalReason\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkOrderReady($id: ID!, $version: Int!) {\n    markOrderReady(id: $id, version: $version) {\n      id\n      status\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation MarkOrderReady($id: ID!, $version: Int!) {\n    markOrderReady(id: $id, version: $version) {\n      id\n      status\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SupplierConfirmHandover($id: ID!, $version: Int!) {\n    confirmHandover(id: $id, version: $version) {\n      id\n      status\n      version\n      supplierConfirmedAt\n      handedOverAt\n    }\n  }\n"): (typeof documents)["\n  mutation SupplierConfirmHandover($id: ID!, $version: Int!) {\n    confirmHandover(id: $id, version: $version) {\n      id\n      status\n      version\n      supplierConfirmedAt\n      handedOverAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ServiceOrders($after: String) {\n    orders(status: ACCEPTED, first: 100, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        number\n        kind\n        measure {\n          id\n          kind\n        }\n        recipient {\n          id\n          fullName\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ServiceOrders($after: String) {\n    orders(status: ACCEPTED, first: 100, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        number\n        kind\n        measure {\n          id\n          kind\n        }\n        recipient {\n          id\n          fullName\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ActFields on ServiceAct {\n    id\n    orderId\n    kind\n    itemTypeCode\n    period\n    minutes\n    hours\n    unitPrice\n    cost\n    statePart\n    coPayment\n    status\n    returnReason\n    version\n  }\n"): (typeof documents)["\n  fragment ActFields on ServiceAct {\n    id\n    orderId\n    kind\n    itemTypeCode\n    period\n    minutes\n    hours\n    unitPrice\n    cost\n    statePart\n    coPayment\n    status\n    returnReason\n    version\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Journal($orderId: ID!, $journalAfter: String, $actsAfter: String) {\n    order(id: $orderId) {\n      id\n      number\n      kind\n      measure {\n        id\n        kind\n      }\n      journal(first: 100, after: $journalAfter) {\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          date\n          startTime\n          endTime\n          minutes\n          places\n          mode\n        }\n      }\n      acts(first: 24, after: $actsAfter) {\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          ...ActFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Journal($orderId: ID!, $journalAfter: String, $actsAfter: String) {\n    order(id: $orderId) {\n      id\n      number\n      kind\n      measure {\n        id\n        kind\n      }\n      journal(first: 100, after: $journalAfter) {\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          date\n          startTime\n          endTime\n          minutes\n          places\n          mode\n        }\n      }\n      acts(first: 24, after: $actsAfter) {\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          ...ActFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogServiceHours($orderId: ID!, $input: JournalEntryInput!) {\n    logServiceHours(orderId: $orderId, input: $input) {\n      id\n      date\n      startTime\n      endTime\n      minutes\n      places\n      mode\n    }\n  }\n"): (typeof documents)["\n  mutation LogServiceHours($orderId: ID!, $input: JournalEntryInput!) {\n    logServiceHours(orderId: $orderId, input: $input) {\n      id\n      date\n      startTime\n      endTime\n      minutes\n      places\n      mode\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GenerateServiceAct($orderId: ID!, $period: String!) {\n    generateServiceAct(orderId: $orderId, period: $period) {\n      id\n      ...ActFields\n    }\n  }\n"): (typeof documents)["\n  mutation GenerateServiceAct($orderId: ID!, $period: String!) {\n    generateServiceAct(orderId: $orderId, period: $period) {\n      id\n      ...ActFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitServiceAct($id: ID!, $version: Int!) {\n    submitServiceAct(id: $id, version: $version) {\n      id\n      status\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitServiceAct($id: ID!, $version: Int!) {\n    submitServiceAct(id: $id, version: $version) {\n      id\n      status\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SupplierIncomingOrders {\n    incomingOrders {\n      cursor\n      orderId\n      status\n      order {\n        id\n        number\n        status\n        version\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription SupplierIncomingOrders {\n    incomingOrders {\n      cursor\n      orderId\n      status\n      order {\n        id\n        number\n        status\n        version\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SupplierOrderStatus {\n    orderStatusChanged {\n      cursor\n      orderId\n      status\n      order {\n        id\n        status\n        version\n        supplierConfirmedAt\n        refusalReason\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription SupplierOrderStatus {\n    orderStatusChanged {\n      cursor\n      orderId\n      status\n      order {\n        id\n        status\n        version\n        supplierConfirmedAt\n        refusalReason\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SupplierOffering on Offering {\n    id\n    title\n    itemTypeCode\n    price\n    stock\n    leadTimeDays\n    deliveryMode\n    active\n    regionCodes\n    characteristics\n  }\n"): (typeof documents)["\n  fragment SupplierOffering on Offering {\n    id\n    title\n    itemTypeCode\n    price\n    stock\n    leadTimeDays\n    deliveryMode\n    active\n    regionCodes\n    characteristics\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SupplierCard($id: ID!, $offeringsAfter: String) {\n    supplier(id: $id) {\n      id\n      bin\n      name\n      legalForm\n      legalAddress\n      actualAddress\n      headName\n      phone\n      email\n      okedCodes\n      directions\n      regionCodes\n      status\n      offerings(first: 50, after: $offeringsAfter) {\n        nodes {\n          id\n          ...SupplierOffering\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SupplierCard($id: ID!, $offeringsAfter: String) {\n    supplier(id: $id) {\n      id\n      bin\n      name\n      legalForm\n      legalAddress\n      actualAddress\n      headName\n      phone\n      email\n      okedCodes\n      directions\n      regionCodes\n      status\n      offerings(first: 50, after: $offeringsAfter) {\n        nodes {\n          id\n          ...SupplierOffering\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateOffering($id: ID!, $input: OfferingUpdate!) {\n    updateOffering(id: $id, input: $input) {\n      id\n      price\n      stock\n      leadTimeDays\n      active\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateOffering($id: ID!, $input: OfferingUpdate!) {\n    updateOffering(id: $id, input: $input) {\n      id\n      price\n      stock\n      leadTimeDays\n      active\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateOffering($input: OfferingInput!) {\n    createOffering(input: $input) {\n      id\n      ...SupplierOffering\n    }\n  }\n"): (typeof documents)["\n  mutation CreateOffering($input: OfferingInput!) {\n    createOffering(input: $input) {\n      id\n      ...SupplierOffering\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MySupport {\n    complaints(first: 50) {\n      nodes {\n        id\n        status\n        text\n        orderId\n        supplierId\n        receivedAt\n        forwardDueAt\n        forwardedTo\n        answerDueAt\n        answeredAt\n        answer\n      }\n    }\n    failureTickets(first: 50) {\n      nodes {\n        id\n        number\n        status\n        description\n        reportedAt\n        decision\n        closedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query MySupport {\n    complaints(first: 50) {\n      nodes {\n        id\n        status\n        text\n        orderId\n        supplierId\n        receivedAt\n        forwardDueAt\n        forwardedTo\n        answerDueAt\n        answeredAt\n        answer\n      }\n    }\n    failureTickets(first: 50) {\n      nodes {\n        id\n        number\n        status\n        description\n        reportedAt\n        decision\n        closedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ComplaintTargets($personId: ID!) {\n    person(id: $personId) {\n      id\n      regionCode\n    }\n    orders(first: 50) {\n      nodes {\n        id\n        number\n        recipient {\n          id\n        }\n        offering {\n          id\n          supplier {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ComplaintTargets($personId: ID!) {\n    person(id: $personId) {\n      id\n      regionCode\n    }\n    orders(first: 50) {\n      nodes {\n        id\n        number\n        recipient {\n          id\n        }\n        offering {\n          id\n          supplier {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RegionSuppliers($regionCode: String!) {\n    suppliers(regionCode: $regionCode, first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query RegionSuppliers($regionCode: String!) {\n    suppliers(regionCode: $regionCode, first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FileComplaint($input: ComplaintInput!) {\n    fileComplaint(input: $input) {\n      id\n      status\n      text\n      orderId\n      supplierId\n      receivedAt\n      forwardDueAt\n      forwardedTo\n      answerDueAt\n      answeredAt\n      answer\n    }\n  }\n"): (typeof documents)["\n  mutation FileComplaint($input: ComplaintInput!) {\n    fileComplaint(input: $input) {\n      id\n      status\n      text\n      orderId\n      supplierId\n      receivedAt\n      forwardDueAt\n      forwardedTo\n      answerDueAt\n      answeredAt\n      answer\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReportFailure($input: ReportFailureInput!) {\n    reportFailure(input: $input) {\n      id\n      number\n      status\n      description\n      reportedAt\n      decision\n      closedAt\n    }\n  }\n"): (typeof documents)["\n  mutation ReportFailure($input: ReportFailureInput!) {\n    reportFailure(input: $input) {\n      id\n      number\n      status\n      description\n      reportedAt\n      decision\n      closedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReferenceNames {\n    itemTypes(first: 200) {\n      nodes {\n        code\n        kind\n        nameKk\n        nameRu\n        nameEn\n      }\n    }\n    regions(first: 50) {\n      nodes {\n        code\n        nameKk\n        nameRu\n        nameEn\n      }\n    }\n  }\n"): (typeof documents)["\n  query ReferenceNames {\n    itemTypes(first: 200) {\n      nodes {\n        code\n        kind\n        nameKk\n        nameRu\n        nameEn\n      }\n    }\n    regions(first: 50) {\n      nodes {\n        code\n        nameKk\n        nameRu\n        nameEn\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DevelopmentSigningKey($iin: String!) {\n    developmentSigningKey(iin: $iin) {\n      algorithm\n      privateKeyPkcs8\n      certificatePem\n    }\n  }\n"): (typeof documents)["\n  query DevelopmentSigningKey($iin: String!) {\n    developmentSigningKey(iin: $iin) {\n      algorithm\n      privateKeyPkcs8\n      certificatePem\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;