//! Resolvers of the oees mutations, written once by `krakengen scaffold`; this file is yours to edit.
//!
//! Run `krakengen scaffold` again after the reference changes: it never overwrites this file, but
//! lists the methods the trait gained (which you must add) and the ones it lost.

// The payloads' deprecated `possibleErrors` fields must still be written when a payload is built.
#![allow(deprecated)]
/// The implementation of every mutation. The tests implement three mutations and record which ones
/// ran, so they can tell a resolver's answer from a guard's.
#[derive(Clone, Default)]
pub struct Resolvers {
    log: ::std::sync::Arc<::std::sync::Mutex<Vec<&'static str>>>,
}

impl Resolvers {
    /// The GraphQL names of the mutations whose resolvers ran, in order.
    pub fn calls(&self) -> Vec<&'static str> {
        self.log.lock().unwrap().clone()
    }

    fn record(&self, mutation: &'static str) {
        self.log.lock().unwrap().push(mutation);
    }
}
impl ::oees_server::OperationResolvers for Resolvers {
    #[allow(unused_variables)]
    async fn accept_goods_quote(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::AcceptGoodsQuoteInput,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::accept_goods_quote::AcceptGoodsQuote>,
        ::oees_errors::KrakenError,
    > {
        self.record("acceptGoodsQuote");
        use ::oees_errors::{ErrorCode, ErrorType, KrakenError, PathSegment, ValidationError};
        match input.0["quoteId"].as_str() {
            // An empty id is the reference's `KT-CT-8201: Received an invalid quoteId.`
            Some("") | None => {
                let mut error = KrakenError::new(ErrorCode::KtCt8201, ErrorType::Validation, "Invalid data.");
                error.validation_errors.push(ValidationError {
                    input_path: vec![PathSegment::Key("input".into()), PathSegment::Key("quoteId".into())],
                    message: "This field may not be blank.".into(),
                    code: None,
                });
                Err(error)
            }
            // A code newer than the reference, as a brand adding codes would send.
            Some("brand-new") => Err(KrakenError::new(
                ErrorCode::Unknown("KT-CT-99999".into()),
                ErrorType::Validation,
                "A brand-new failure.",
            )),
            Some(id) => Ok(Some(::oees_client::accept_goods_quote::AcceptGoodsQuote {
                goods_purchase: Some(::oees_client::types::GoodsPurchase(::serde_json::json!({"code": id}))),
                possible_errors: None,
            })),
        }
    }
    #[allow(unused_variables)]
    async fn accept_offer_for_quoting(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::AcceptOfferForQuotingInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::accept_offer_for_quoting::AcceptOfferForQuoting,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("acceptOfferForQuoting is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn actualize_contract(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::ActualizeContractInput,
    ) -> ::std::result::Result<
        ::oees_client::actualize_contract::ActualizeContractOutput,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("actualizeContract is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn add_business_to_segment(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::AddBusinessToSegmentInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::add_business_to_segment::AddBusinessToSegmentMutation,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("addBusinessToSegment is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn add_campaign_to_account(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::AddCampaignToAccountInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::add_campaign_to_account::AddCampaignToAccount,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("addCampaignToAccount is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn add_child_to_property(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::AddChildToPropertyInput,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::add_child_to_property::AddChildToProperty>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("addChildToProperty is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn add_items_to_risk_list(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::std::vec::Vec<
            ::std::option::Option<::oees_client::types::RiskListItemInputType>,
        >,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::add_items_to_risk_list::AddItemsToRiskList>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("addItemsToRiskList is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn add_note_to_ink_conversation(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::std::option::Option<::oees_client::types::AddNoteToInkConversationInput>,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::add_note_to_ink_conversation::AddNoteToInkConversation,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("addNoteToInkConversation is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn add_parent_to_property(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::AddParentToPropertyInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::add_parent_to_property::AddParentToProperty,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("addParentToProperty is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn add_portfolio_reference(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::std::option::Option<::oees_client::types::AddPortfolioReferenceInput>,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::add_portfolio_reference::AddPortfolioReference,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("addPortfolioReference is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn add_property(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::AddPropertyInput,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::add_property::AddProperty>,
        ::oees_errors::KrakenError,
    > {
        self.record("addProperty");
        Ok(Some(::oees_client::add_property::AddProperty {
            property: Some(::oees_client::types::PropertyType(::serde_json::json!({"id": "1"}))),
            possible_errors: None,
        }))
    }
    #[allow(unused_variables)]
    async fn add_property_to_hierarchy(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::AddPropertyToHierarchyInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::add_property_to_hierarchy::AddPropertyToHierarchy,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("addPropertyToHierarchy is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn add_signup_referral_on_account(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::AddSignupReferralOnAccountInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::add_signup_referral_on_account::AddSignupReferralOnAccount,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("addSignupReferralOnAccount is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn add_storyline_to_ink_conversation(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::std::option::Option<
            ::oees_client::types::AddStorylineToInkConversationInput,
        >,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::add_storyline_to_ink_conversation::AddStorylineToInkConversation,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("addStorylineToInkConversation is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn add_user_to_portfolio(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::AddUserToPortfolioInput,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::add_user_to_portfolio::AddUserToPortfolio>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("addUserToPortfolio is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn allow_repayment_submission(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::RepaymentInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::allow_repayment_submission::AllowRepaymentSubmission,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("allowRepaymentSubmission is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn amend_payment(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::AmendPaymentInput,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::amend_payment::AmendPayment>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("amendPayment is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn approve_repayment(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::ApproveRepaymentInput,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::approve_repayment::ApproveRepayment>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("approveRepayment is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn assess_collection_process_record_for_pause(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::AssessCollectionProcessRecordForPauseInputType,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::assess_collection_process_record_for_pause::AssessCollectionProcessRecordForPause,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("assessCollectionProcessRecordForPause is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn assign_ink_bucket(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::std::option::Option<::oees_client::types::AssignInkBucketInput>,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::assign_ink_bucket::AssignInkBucket>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("assignInkBucket is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn assign_supply_point_to_estimation_group(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::AssignSupplyPointToEstimationGroupInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::assign_supply_point_to_estimation_group::AssignSupplyPointToEstimationGroup,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("assignSupplyPointToEstimationGroup is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn associate_archived_call_recordings_with_calls(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::AssociateArchivedCallRecordingsWithCallsInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::associate_archived_call_recordings_with_calls::AssociateArchivedCallRecordingsWithCalls,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("associateArchivedCallRecordingsWithCalls is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn associate_call_with_account(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::AssociateCallWithAccountInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::associate_call_with_account::AssociateCallWithAccount,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("associateCallWithAccount is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn associate_item_to_collection_process(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::AssociateItemToCollectionProcessInputType,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::associate_item_to_collection_process::AssociateItemToCollectionProcess,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("associateItemToCollectionProcess is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn attach_agreements_to_contracts(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::AttachAgreementsToContractsInput,
    ) -> ::std::result::Result<
        ::oees_client::attach_agreements_to_contracts::AttachAgreementsToContractsOutput,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("attachAgreementsToContracts is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn award_loyalty_points(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::AwardLoyaltyPointsInput,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::award_loyalty_points::AwardLoyaltyPoints>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("awardLoyaltyPoints is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn backend_screen_event(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::BackendScreenEventInput,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::backend_screen_event::BackendScreenEvent>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("backendScreenEvent is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn block_repayment_submission(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::RepaymentInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::block_repayment_submission::BlockRepaymentSubmission,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("blockRepaymentSubmission is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn bulk_award_loyalty_points(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::BulkAwardLoyaltyPointsInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::bulk_award_loyalty_points::BulkAwardLoyaltyPoints,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("bulkAwardLoyaltyPoints is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn cancel_enrollment(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::CancelEnrollmentInput,
    ) -> ::std::result::Result<
        ::oees_client::cancel_enrollment::EnrollmentCancelled,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("cancelEnrollment is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn cancel_leave_supplier(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::CancelLeaveSupplierInput,
    ) -> ::std::result::Result<
        ::oees_client::cancel_leave_supplier::LeaveSupplierCancelled,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("cancelLeaveSupplier is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn cancel_payment(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::CancelPaymentInput,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::cancel_payment::CancelPayment>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("cancelPayment is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn cancel_repayment_request(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::CancelRepaymentRequestInputType,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::cancel_repayment_request::CancelRepaymentRequest,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("cancelRepaymentRequest is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn cancel_smart_flex_onboarding(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::CancelSmartFlexOnboardingInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::cancel_smart_flex_onboarding::CancelSmartFlexOnboarding,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("cancelSmartFlexOnboarding is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn check_credit_risk(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::CheckCreditRiskInput,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::check_credit_risk::CheckCreditRisk>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("checkCreditRisk is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn close_dca_proceeding(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::CloseDcaProceedingInputType,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::close_dca_proceeding::CloseDcaProceeding>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("closeDcaProceeding is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn close_ink_conversation(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::std::option::Option<::oees_client::types::CloseInkConversationInput>,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::close_ink_conversation::CloseInkConversation,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("closeInkConversation is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn close_ink_live_chat(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::std::option::Option<
            ::oees_client::types::CloseInkLiveChaConversationtInput,
        >,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::close_ink_live_chat::CloseInkLiveChatConversation,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("closeInkLiveChat is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn close_open_print_batch(
        &self,
        caller: &::krakengen_server::policy::Caller,
    ) -> ::std::result::Result<
        ::oees_client::close_open_print_batch::CloseOpenPrintBatch,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("closeOpenPrintBatch is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn collect_deposit(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::CollectDepositInput,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::collect_deposit::CollectDeposit>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("collectDeposit is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn collect_payment(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::CollectPaymentInput,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::collect_payment::CollectPayment>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("collectPayment is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn commence_dca_proceeding(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::CommenceDcaProceedingInputType,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::commence_dca_proceeding::CommenceDcaProceeding,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("commenceDcaProceeding is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn complete_approval(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::CompleteApprovalInputType,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::complete_approval::CompleteApproval>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("completeApproval is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn complete_auth_flow_for_smart_flex_onboarding(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::CompleteAuthFlowInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::complete_auth_flow_for_smart_flex_onboarding::CompleteAuthFlowForSmartFlexOnboarding,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("completeAuthFlowForSmartFlexOnboarding is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn complete_reminder(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::CompleteReminderInput,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::complete_reminder::CompleteReminder>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("completeReminder is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn complete_standalone_payment(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::CompleteStandalonePaymentInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::complete_standalone_payment::CompleteStandalonePayment,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("completeStandalonePayment is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn complete_tesla_setup_virtual_key_for_smart_flex_onboarding(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::CompleteSmartFlexOnboardingStepInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::complete_tesla_setup_virtual_key_for_smart_flex_onboarding::CompleteTeslaSetupVirtualKeyForSmartFlexOnboarding,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!(
            "completeTeslaSetupVirtualKeyForSmartFlexOnboarding is not implemented yet"
        )
    }
    #[allow(unused_variables)]
    async fn complete_user_action_for_smart_flex_onboarding(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::CompleteSmartFlexOnboardingStepInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::complete_user_action_for_smart_flex_onboarding::CompleteUserActionRequiredForSmartFlexOnboarding,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("completeUserActionForSmartFlexOnboarding is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn complete_user_input_required_for_smart_flex_onboarding(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::UserInputRequiredInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::complete_user_input_required_for_smart_flex_onboarding::CompleteUserInputRequiredForSmartFlexOnboarding,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!(
            "completeUserInputRequiredForSmartFlexOnboarding is not implemented yet"
        )
    }
    #[allow(unused_variables)]
    async fn confirm_double_opt_in(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::std::option::Option<::oees_client::types::ConfirmDoubleOptInInput>,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::confirm_double_opt_in::ConfirmDoubleOptIn>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("confirmDoubleOptIn is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn connect_ai_agent_to_call(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::ConnectAiAgentToCallInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::connect_ai_agent_to_call::ConnectAiAgentToCall,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("connectAiAgentToCall is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn create_account_charge(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::CreateAccountChargeInput,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::create_account_charge::CreateAccountCharge>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("createAccountCharge is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn create_account_file_attachment(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::CreateAccountFileAttachmentInput,
    ) -> ::std::result::Result<
        ::oees_client::create_account_file_attachment::CreateAccountFileAttachmentPayload,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("createAccountFileAttachment is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn create_account_note(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::CreateAccountNoteInput,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::create_account_note::CreateAccountNote>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("createAccountNote is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn create_account_payment_schedule(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::CreateAccountPaymentScheduleInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::create_account_payment_schedule::CreateAccountPaymentSchedule,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("createAccountPaymentSchedule is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn create_account_reference(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::AccountReferenceInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::create_account_reference::CreateAccountReference,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("createAccountReference is not implemented yet")
    }
    #[allow(deprecated)]
    #[allow(unused_variables)]
    async fn create_account_reminder(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::CreateAccountReminderInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::create_account_reminder::CreateAccountReminder,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("createAccountReminder is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn create_affiliate_link(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::CreateAffiliateLinkInputType,
    ) -> ::std::result::Result<
        ::oees_client::create_affiliate_link::CreateAffiliateLink,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("createAffiliateLink is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn create_affiliate_organisation(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::CreateAffiliateOrganisationInputType,
    ) -> ::std::result::Result<
        ::oees_client::create_affiliate_organisation::CreateAffiliateOrganisation,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("createAffiliateOrganisation is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn create_affiliate_session(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::CreateAffiliateSessionInputType,
    ) -> ::std::result::Result<
        ::oees_client::create_affiliate_session::CreateAffiliateSession,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("createAffiliateSession is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn create_agreement(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::CreateAgreementInput,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::create_agreement::CreateAgreement>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("createAgreement is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn create_agreement_rollover(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::CreateAgreementRolloverInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::create_agreement_rollover::CreateAgreementRollover,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("createAgreementRollover is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn create_api_call(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::CreateApiCallInput,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::create_api_call::CreateApiCall>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("createApiCall is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn create_api_exception(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::CreateApiExceptionInput,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::create_api_exception::CreateApiException>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("createApiException is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn create_api_exception_event(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::CreateApiExceptionEventInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::create_api_exception_event::CreateApiExceptionEvent,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("createApiExceptionEvent is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn create_api_exception_note(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::CreateApiExceptionNoteInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::create_api_exception_note::CreateApiExceptionNote,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("createApiExceptionNote is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn create_audio_recording(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::AudioRecordingInputType,
    ) -> ::std::result::Result<
        ::oees_client::create_audio_recording::CreateAudioRecording,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("createAudioRecording is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn create_business(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::CreateBusinessInput,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::create_business::CreateBusiness>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("createBusiness is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn create_call_metadata(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::CallMetadataInput,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::create_call_metadata::CreateCallMetadata>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("createCallMetadata is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn create_campaign_items(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::CreateCampaignItemsInput,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::create_campaign_items::CreateCampaignItems>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("createCampaignItems is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn create_collection_process_event(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::CreateCollectionProcessEventInputType,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::create_collection_process_event::CreateCollectionProcessEvent,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("createCollectionProcessEvent is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn create_complaint(
        &self,
        caller: &::krakengen_server::policy::Caller,
        complaint: ::oees_client::types::CreateComplaintInputType,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::create_complaint::CreateComplaint>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("createComplaint is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn create_contract(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::CreateContractInput,
    ) -> ::std::result::Result<
        ::oees_client::create_contract::CreateContractOutput,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("createContract is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn create_contribution_agreement(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::CreateContributionAgreementInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::create_contribution_agreement::CreateContributionAgreement,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("createContributionAgreement is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn create_credit_transfer_permission(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::CreateCreditTransferPermissionInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::create_credit_transfer_permission::CreateCreditTransferPermission,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("createCreditTransferPermission is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn create_customer_feedback(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::CreateCustomerFeedbackInputType,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::create_customer_feedback::CreateCustomerFeedback,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("createCustomerFeedback is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn create_deposit_agreement(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::CreateDepositAgreementInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::create_deposit_agreement::CreateDepositAgreement,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("createDepositAgreement is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn create_energy_account(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::std::option::Option<::oees_client::types::CreateEnergyAccountInput>,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::create_energy_account::CreateEnergyAccount>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("createEnergyAccount is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn create_external_account_event(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::CreateExternalAccountEventInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::create_external_account_event::CreateExternalAccountEvent,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("createExternalAccountEvent is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn create_external_account_user_event(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::CreateExternalAccountUserEventInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::create_external_account_user_event::CreateExternalAccountUserEvent,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("createExternalAccountUserEvent is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn create_external_message(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::CreateExternalMessageInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::create_external_message::CreateExternalMessage,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("createExternalMessage is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn create_external_message_event(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::CreateExternalMessageEventInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::create_external_message_event::CreateExternalMessageEvent,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("createExternalMessageEvent is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn create_form_submission(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::FormSubmissionInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::create_form_submission::FormSubmissionOuput,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("createFormSubmission is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn create_goods_purchase(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::CreatePurchaseInput,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::create_goods_purchase::CreateGoodsPurchase>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("createGoodsPurchase is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn create_goods_quote(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::CreateGoodsQuoteInput,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::create_goods_quote::CreateGoodsQuote>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("createGoodsQuote is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn create_goods_quote_without_account(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::CreateGoodsQuoteWithoutAccountInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::create_goods_quote_without_account::CreateGoodsQuoteWithoutAccount,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("createGoodsQuoteWithoutAccount is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn create_inbound_call(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::CreateInboundCallInput,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::create_inbound_call::CreateInboundCall>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("createInboundCall is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn create_ink_inbound_message(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::std::option::Option<::oees_client::types::CreateInkInboundMessageInput>,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::create_ink_inbound_message::CreateInkInboundMessage,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("createInkInboundMessage is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn create_ink_live_chat_message(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::std::option::Option<::oees_client::types::CreateInkLiveChatMessageInput>,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::create_ink_live_chat_message::CreateInkLiveChatMessage,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("createInkLiveChatMessage is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn create_internal_company(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::CreateInternalCompanyInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::create_internal_company::CreateInternalCompany,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("createInternalCompany is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn create_lead(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::CreateLeadInput,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::create_lead::CreateLead>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("createLead is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn create_metadata(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::MetadataInput,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::create_metadata::CreateMetadata>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("createMetadata is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn create_mfa_device(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::CreateMfaDeviceInputType,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::create_mfa_device::CreateMfaDevice>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("createMfaDevice is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn create_new_agreement_from_product_switch_process(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::CreateNewAgreementFromProductSwitchProcessInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::create_new_agreement_from_product_switch_process::CreateNewAgreementFromProductSwitchProcess,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("createNewAgreementFromProductSwitchProcess is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn create_offer_group_for_quoting(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::CreateOfferGroupForQuotingInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::create_offer_group_for_quoting::CreateOfferGroupForQuoting,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("createOfferGroupForQuoting is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn create_on_site_jobs_request(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::CreateOnSiteJobsRequestInputType,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::create_on_site_jobs_request::CreateOnSiteJobsRequest,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("createOnSiteJobsRequest is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn create_opportunity_and_lead(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::CreateOpportunityAndLeadInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::create_opportunity_and_lead::CreateOpportunityAndLead,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("createOpportunityAndLead is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn create_opportunity_file_attachment(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::CreateOpportunityFileAttachmentInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::create_opportunity_file_attachment::CreateOpportunityFileAttachment,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("createOpportunityFileAttachment is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn create_opportunity_for_lead(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::CreateOpportunityForLeadInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::create_opportunity_for_lead::CreateOpportunityForLead,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("createOpportunityForLead is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn create_or_update_loyalty_card(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::CreateOrUpdateLoyaltyCardInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::create_or_update_loyalty_card::CreateOrUpdateLoyaltyCardMutation,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("createOrUpdateLoyaltyCard is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn create_or_update_time_series_entries(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::CreateOrUpdateTimeSeriesEntriesInput,
    ) -> ::std::result::Result<
        ::oees_client::create_or_update_time_series_entries::CreateOrUpdateTimeSeriesEntries,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("createOrUpdateTimeSeriesEntries is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn create_payment_action_intent(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::CreatePaymentActionIntentInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::create_payment_action_intent::CreatePaymentActionIntent,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("createPaymentActionIntent is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn create_payment_method_action_intent(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::CreatePaymentMethodActionIntentInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::create_payment_method_action_intent::CreatePaymentMethodActionIntent,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("createPaymentMethodActionIntent is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn create_portfolio(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::std::option::Option<::oees_client::types::CreatePortfolioInput>,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::create_portfolio::CreatePortfolio>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("createPortfolio is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn create_portfolio_user_role(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::std::option::Option<::oees_client::types::CreatePortfolioUserRoleInput>,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::create_portfolio_user_role::CreatePortfolioUserRole,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("createPortfolioUserRole is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn create_post_events(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::CreatePostEventsInput,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::create_post_events::CreatePostEvents>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("createPostEvents is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn create_product(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::CreateProductInput,
    ) -> ::std::result::Result<
        ::oees_client::create_product::CreateProductOutput,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("createProduct is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn create_quote(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::CreateQuoteInput,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::create_quote::CreateQuote>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("createQuote is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn create_quote_for_account(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::CreateQuoteForAccountInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::create_quote_for_account::CreateQuoteForAccount,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("createQuoteForAccount is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn create_quote_for_products(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::CreateQuoteForProductsInput,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::create_quote_for_products::QuoteRequest>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("createQuoteForProducts is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn create_referral(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::CreateReferralInput,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::create_referral::CreateReferral>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("createReferral is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn create_reminder(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::CreateReminderInput,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::create_reminder::CreateReminder>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("createReminder is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn create_scheduled_transactions(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::std::vec::Vec<
            ::std::option::Option<::oees_client::types::CreateScheduledTransactionsInput>,
        >,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::create_scheduled_transactions::CreateScheduledTransactions,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("createScheduledTransactions is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn create_shell_account(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::CreateShellAccountInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::create_shell_account::CreateShellAccountPayload,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("createShellAccount is not implemented yet")
    }
    #[allow(deprecated)]
    #[allow(unused_variables)]
    async fn create_solar_wallet_relationship(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::CreateSolarWalletRelationshipType,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::create_solar_wallet_relationship::CreateSolarWalletRelationship,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("createSolarWalletRelationship is not implemented yet")
    }
    #[allow(deprecated)]
    #[allow(unused_variables)]
    async fn create_time_series_prices(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::CreateTimeSeriesPricesInput,
    ) -> ::std::result::Result<
        ::oees_client::create_time_series_prices::CreateTimeSeriesPrices,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("createTimeSeriesPrices is not implemented yet")
    }
    #[allow(deprecated)]
    #[allow(unused_variables)]
    async fn deauthenticate_device(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::std::option::Option<::oees_client::types::DeAuthenticationInput>,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::deauthenticate_device::DeauthenticateDevice,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("deauthenticateDevice is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn deauthenticate_flex_device(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::std::option::Option<::oees_client::types::DeauthenticateFlexDeviceInput>,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::deauthenticate_flex_device::DeauthenticateFlexDevice,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("deauthenticateFlexDevice is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn deduct_loyalty_points(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::DeductLoyaltyPointsInput,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::deduct_loyalty_points::DeductLoyaltyPoints>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("deductLoyaltyPoints is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn delete_account_reference(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::DeleteAccountReferenceInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::delete_account_reference::DeleteAccountReference,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("deleteAccountReference is not implemented yet")
    }
    #[allow(deprecated)]
    #[allow(unused_variables)]
    async fn delete_boost_charge(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::std::option::Option<::oees_client::types::DeleteBoostChargeInput>,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::delete_boost_charge::DeleteBoostCharge>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("deleteBoostCharge is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn delete_mfa_device(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::DeleteMfaDeviceInputType,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::delete_mfa_device::DeleteMfaDevice>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("deleteMfaDevice is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn delete_property_descendants(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::DeletePropertyDescendantsInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::delete_property_descendants::DeletePropertyDescendants,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("deletePropertyDescendants is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn delete_push_notification_binding(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::DeletePushNotificationBindingInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::delete_push_notification_binding::DeletePushNotificationBinding,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("deletePushNotificationBinding is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn detach_agreements_from_contracts(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::DetachAgreementsFromContractsInput,
    ) -> ::std::result::Result<
        ::oees_client::detach_agreements_from_contracts::DetachAgreementsFromContractsOutput,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("detachAgreementsFromContracts is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn detach_supply_point_from_estimation_group(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::DetachSupplyPointFromEstimationGroupInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::detach_supply_point_from_estimation_group::DetachSupplyPointFromEstimationGroup,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("detachSupplyPointFromEstimationGroup is not implemented yet")
    }
    #[allow(deprecated)]
    #[allow(unused_variables)]
    async fn device_registration(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::std::option::Option<::oees_client::types::DeviceRegistrationInput>,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::device_registration::DeviceRegistration>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("deviceRegistration is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn end_contribution_agreement(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::EndContributionAgreementInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::end_contribution_agreement::EndContributionAgreement,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("endContributionAgreement is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn enqueue_inbound_call(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::EnqueueInboundCallInput,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::enqueue_inbound_call::EnqueueInboundCall>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("enqueueInboundCall is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn enroll_account_in_loyalty_program(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::EnrollAccountInLoyaltyProgramInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::enroll_account_in_loyalty_program::EnrollAccountInLoyaltyProgram,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("enrollAccountInLoyaltyProgram is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn enrollment(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::EnrollmentInput,
    ) -> ::std::result::Result<
        ::oees_client::enrollment::EnrollmentInitiated,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("enrollment is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn escalate_ink_conversation(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::std::option::Option<::oees_client::types::EscalateInkConversationInput>,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::escalate_ink_conversation::EscalateInkConversation,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("escalateInkConversation is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn extend_agreement_period(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::ExtendAgreementPeriodInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::extend_agreement_period::ExtendAgreementPeriod,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("extendAgreementPeriod is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn fetch_generate_payment_fingerprint(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::FetchGeneratePaymentFingerprintInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::fetch_generate_payment_fingerprint::FetchGeneratePaymentFingerprint,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("fetchGeneratePaymentFingerprint is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn fetch_pre_signed_link_for_opportunity_attachment(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::FetchPreSignedLinkForOpportunityAttachmentInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::fetch_pre_signed_link_for_opportunity_attachment::FetchPreSignedLinkForOpportunityAttachment,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("fetchPreSignedLinkForOpportunityAttachment is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn force_reauthentication(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::ForceReauthenticationInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::force_reauthentication::ForceReauthentication,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("forceReauthentication is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn generate_affiliates_audio_recording_pre_signed_url(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::GenerateAffiliatesAudioRecordingPreSignedUrlInput,
    ) -> ::std::result::Result<
        ::oees_client::generate_affiliates_audio_recording_pre_signed_url::GenerateAffiliatesAudioRecordingPreSignedUrl,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!(
            "generateAffiliatesAudioRecordingPreSignedUrl is not implemented yet"
        )
    }
    #[allow(unused_variables)]
    async fn generate_ink_presigned_url(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::std::option::Option<::oees_client::types::GenerateInkPresignedUrlInput>,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::generate_ink_presigned_url::GenerateInkPresignedUrl,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("generateInkPresignedUrl is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn generate_leads_file_attachment_download_pre_signed_url(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::GenerateLeadsFileAttachmentDownloadPreSignedUrlInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::generate_leads_file_attachment_download_pre_signed_url::GenerateLeadsFileAttachmentDownloadPreSignedUrl,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!(
            "generateLeadsFileAttachmentDownloadPreSignedUrl is not implemented yet"
        )
    }
    #[allow(unused_variables)]
    async fn generate_leads_file_attachment_pre_signed_url(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::GenerateLeadsFileAttachmentPreSignedUrlInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::generate_leads_file_attachment_pre_signed_url::GenerateLeadsFileAttachmentsPreSignedUrl,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("generateLeadsFileAttachmentPreSignedUrl is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn generate_pre_signed_token(
        &self,
        caller: &::krakengen_server::policy::Caller,
        email: ::std::string::String,
        number_of_days_allowed: i32,
        scope: ::oees_client::types::PreSignedTokenScope,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::generate_pre_signed_token::GeneratePreSignedToken,
        >,
        ::oees_errors::KrakenError,
    > {
        self.record("generatePreSignedToken");
        let user = caller.user.as_deref().unwrap_or("anonymous");
        Ok(Some(::oees_client::generate_pre_signed_token::GeneratePreSignedToken {
            token: Some(format!("{email}/{number_of_days_allowed}/{user}")),
            scope: Some(scope),
            token_expiry_datetime: None,
            possible_errors: None,
        }))
    }
    #[allow(unused_variables)]
    async fn get_embedded_secret_for_new_payment_instruction(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::GetEmbeddedSecretForNewPaymentInstructionInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::get_embedded_secret_for_new_payment_instruction::GetEmbeddedSecretForNewPaymentInstruction,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("getEmbeddedSecretForNewPaymentInstruction is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn get_embedded_secret_for_new_payment_instruction_without_account(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::GetEmbeddedSecretForNewPaymentInstructionWithoutAccountInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::get_embedded_secret_for_new_payment_instruction_without_account::GetEmbeddedSecretForNewPaymentInstructionWithoutAccount,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!(
            "getEmbeddedSecretForNewPaymentInstructionWithoutAccount is not implemented yet"
        )
    }
    #[allow(unused_variables)]
    async fn get_hosted_url_for_new_payment_instruction(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::GetHostedUrlForNewPaymentInstructionInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::get_hosted_url_for_new_payment_instruction::GetHostedUrlForNewPaymentInstruction,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("getHostedUrlForNewPaymentInstruction is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn get_or_create_agreement(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::CreateAgreementInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::get_or_create_agreement::GetOrCreateAgreement,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("getOrCreateAgreement is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn grant_user_access_to_business(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::GrantUserAccessToBusinessInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::grant_user_access_to_business::GrantUserAccessToBusiness,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("grantUserAccessToBusiness is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn initialize_account(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::BaseInitializeAccountInput,
    ) -> ::std::result::Result<
        ::oees_client::initialize_account::InitializeAccountResult,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("initializeAccount is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn initialize_user(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::BaseInitializeUserInput,
    ) -> ::std::result::Result<
        ::oees_client::initialize_user::InitializeUserResult,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("initializeUser is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn initiate_hosted_standalone_payment(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::InitiateHostedStandalonePaymentInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::initiate_hosted_standalone_payment::InitiateHostedStandalonePayment,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("initiateHostedStandalonePayment is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn initiate_product_switch(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::InitiateProductSwitchInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::initiate_product_switch::InitiateProductSwitch,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("initiateProductSwitch is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn initiate_standalone_payment(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::InitiateStandalonePaymentInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::initiate_standalone_payment::InitiateStandalonePayment,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("initiateStandalonePayment is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn instigate_leave_supplier(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::LeaveSupplierInput,
    ) -> ::std::result::Result<
        ::oees_client::instigate_leave_supplier::LeaveSupplierInstigated,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("instigateLeaveSupplier is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn invalidate_payment_instruction(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::InvalidatePaymentInstructionInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::invalidate_payment_instruction::InvalidatePaymentInstruction,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("invalidatePaymentInstruction is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn invalidate_pre_signed_token(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::InvalidatePreSignedTokenInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::invalidate_pre_signed_token::InvalidatePreSignedToken,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("invalidatePreSignedToken is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn invalidate_pre_signed_tokens_for_user(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::InvalidatePreSignedTokensForUserInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::invalidate_pre_signed_tokens_for_user::InvalidatePreSignedTokensForUser,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("invalidatePreSignedTokensForUser is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn invalidate_refresh_token(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::InvalidateRefreshTokenInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::invalidate_refresh_token::InvalidateRefreshToken,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("invalidateRefreshToken is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn invalidate_refresh_tokens_for_user(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::InvalidateRefreshTokensForUserInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::invalidate_refresh_tokens_for_user::InvalidateRefreshTokensForUser,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("invalidateRefreshTokensForUser is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn join_supplier_accept_terms_and_conditions(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::JoinSupplierAcceptTermsAndConditionsInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::join_supplier_accept_terms_and_conditions::JoinSupplierAcceptTermsAndConditions,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("joinSupplierAcceptTermsAndConditions is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn legacy_process_order(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::LegacyProcessOrderInput,
    ) -> ::std::result::Result<
        ::oees_client::legacy_process_order::LegacyProcessOrderOutput,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("legacyProcessOrder is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn link_account_to_business(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::LinkAccountToBusinessInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::link_account_to_business::LinkAccountToBusiness,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("linkAccountToBusiness is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn link_user_to_line(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::LinkUserToLineInput,
    ) -> ::std::result::Result<
        ::oees_client::types::LinkUserToLineResponse,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("linkUserToLine is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn mark_print_batch_as_processed(
        &self,
        caller: &::krakengen_server::policy::Caller,
        print_batch_id: ::std::string::String,
    ) -> ::std::result::Result<
        ::oees_client::mark_print_batch_as_processed::MarkPrintBatchAsProcessed,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("markPrintBatchAsProcessed is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn masquerade_authentication(
        &self,
        caller: &::krakengen_server::policy::Caller,
        masquerade_token: ::std::string::String,
        user_id: ::std::string::String,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::masquerade_authentication::MasqueradeAuthentication,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("masqueradeAuthentication is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn move_to_bucket(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::std::option::Option<::oees_client::types::MoveToBucketInput>,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::move_to_bucket::MoveToBucket>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("moveToBucket is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn next_operations_team_round_robin(
        &self,
        caller: &::krakengen_server::policy::Caller,
        team_group_name: ::std::string::String,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::next_operations_team_round_robin::NextOperationsTeamRoundRobin,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("nextOperationsTeamRoundRobin is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn obtain_kraken_token(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::ObtainJsonWebTokenInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::obtain_kraken_token::ObtainKrakenJsonWebToken,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("obtainKrakenToken is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn obtain_long_lived_refresh_token(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::ObtainLongLivedRefreshTokenInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::obtain_long_lived_refresh_token::ObtainLongLivedRefreshToken,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("obtainLongLivedRefreshToken is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn ocpp_authentication(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::std::option::Option<::oees_client::types::OcppAuthenticationInput>,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::ocpp_authentication::OcppAuthentication>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("ocppAuthentication is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn pause_collection_process(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::PauseCollectionProcessInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::pause_collection_process::PauseCollectionProcess,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("pauseCollectionProcess is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn pause_dunning(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::PauseDunningInputType,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::pause_dunning::PauseDunning>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("pauseDunning is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn payout_referral_for_account(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::PayoutReferralForAccountInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::payout_referral_for_account::PayoutReferralForAccount,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("payoutReferralForAccount is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn post_credit(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::PostCreditInput,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::post_credit::PostCredit>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("postCredit is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn prepare_account(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::PrepareAccountInput,
    ) -> ::std::result::Result<
        ::oees_client::prepare_account::PrepareAccountResult,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("prepareAccount is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn publish_transactional_messaging_external_trigger(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::PublishTransactionalMessagingExternalTriggerInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::publish_transactional_messaging_external_trigger::PublishTransactionalMessagingExternalTrigger,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!(
            "publishTransactionalMessagingExternalTrigger is not implemented yet"
        )
    }
    #[allow(unused_variables)]
    async fn publish_transactional_messaging_trigger(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::PublishTransactionalMessagingTriggerInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::publish_transactional_messaging_trigger::PublishTransactionalMessagingTrigger,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("publishTransactionalMessagingTrigger is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn purchase_voucher(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::PurchaseVoucherInput,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::purchase_voucher::PurchaseVoucher>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("purchaseVoucher is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn purchase_vouchers(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::std::vec::Vec<
            ::std::option::Option<::oees_client::types::PurchaseVoucherInput>,
        >,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::purchase_vouchers::PurchaseVouchers>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("purchaseVouchers is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn reactivate_collection_process_record(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::ReactivateCollectionProcessRecordInputType,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::reactivate_collection_process_record::ReactivateCollectionProcessRecord,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("reactivateCollectionProcessRecord is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn record_activated_payment_method(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::RecordActivatedPaymentMethodInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::record_activated_payment_method::RecordActivatedPaymentMethod,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("recordActivatedPaymentMethod is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn record_deposit_agreement_accepted(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::DepositAgreementInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::record_deposit_agreement_accepted::RecordDepositAgreementAccepted,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("recordDepositAgreementAccepted is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn record_failed_payment(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::RecordFailedPaymentInput,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::record_failed_payment::RecordFailedPayment>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("recordFailedPayment is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn record_pending_payment(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::RecordPendingPaymentInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::record_pending_payment::RecordPendingPayment,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("recordPendingPayment is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn record_successful_payment(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::RecordSuccessfulPaymentInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::record_successful_payment::RecordSuccessfulPayment,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("recordSuccessfulPayment is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn redeem_loyalty_points_for_account_credit(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::RedeemLoyaltyPointsInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::redeem_loyalty_points_for_account_credit::RedeemLoyaltyPointsForAccountCredit,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("redeemLoyaltyPointsForAccountCredit is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn redeem_referral_claim_code(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::RedeemReferralClaimCodeInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::redeem_referral_claim_code::RedeemReferralClaimCode,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("redeemReferralClaimCode is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn refund_payment(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::RefundPaymentInput,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::refund_payment::RefundPayment>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("refundPayment is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn regenerate_secret_key(
        &self,
        caller: &::krakengen_server::policy::Caller,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::regenerate_secret_key::RegenerateSecretKey>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("regenerateSecretKey is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn register_customer_asset(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::RegisterCustomerAssetInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::register_customer_asset::RegisterCustomerAsset,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("registerCustomerAsset is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn register_ev_charger_lead(
        &self,
        caller: &::krakengen_server::policy::Caller,
        lead: ::std::option::Option<::oees_client::types::EvChargerLeadZohoType>,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::register_ev_charger_lead::RegisterEvChargerLead,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("registerEvChargerLead is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn register_lead_flow_status_event(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::RegisterLeadFlowStatusEventInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::register_lead_flow_status_event::RegisterLeadFlowStatusEvent,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("registerLeadFlowStatusEvent is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn register_opportunity_flow_status_event(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::RegisterOpportunityFlowStatusEventInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::register_opportunity_flow_status_event::RegisterOpportunityFlowStatusEvent,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("registerOpportunityFlowStatusEvent is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn register_phone_lead(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::std::option::Option<::oees_client::types::TelephoneLeadType>,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::register_phone_lead::RegisterPhoneLead>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("registerPhoneLead is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn register_push_notification_binding(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::RegisterPushNotificationBindingInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::register_push_notification_binding::RegisterPushNotificationBinding,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("registerPushNotificationBinding is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn register_solar_simulator_direct_sale(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::std::option::Option<::oees_client::types::SolarSimulatorDirectSaleInput>,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::register_solar_simulator_direct_sale::SolarSimulatorDirectSaleOutput,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("registerSolarSimulatorDirectSale is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn register_solar_simulator_lead(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::std::option::Option<::oees_client::types::SolarSimulatorLeadInput>,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::register_solar_simulator_lead::SolarSimulatorLeadOutput,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("registerSolarSimulatorLead is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn remove_campaign_from_account(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::RemoveCampaignFromAccountInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::remove_campaign_from_account::RemoveCampaignFromAccount,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("removeCampaignFromAccount is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn remove_campaign_items(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::RemoveCampaignItemsInput,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::remove_campaign_items::RemoveCampaignItems>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("removeCampaignItems is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn remove_items_from_risk_list(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::std::vec::Vec<
            ::std::option::Option<::oees_client::types::RiskListItemInputType>,
        >,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::remove_items_from_risk_list::RemoveItemsFromRiskList,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("removeItemsFromRiskList is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn remove_property_from_hierarchy(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::RemovePropertyFromHierarchyInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::remove_property_from_hierarchy::RemovePropertyFromHierarchy,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("removePropertyFromHierarchy is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn request_double_opt_in(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::std::option::Option<::oees_client::types::DoubleOptInInput>,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::request_double_opt_in::RequestDoubleOptIn>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("requestDoubleOptIn is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn request_password_reset(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::RequestPasswordResetInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::request_password_reset::RequestPasswordResetOutputType,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("requestPasswordReset is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn request_printed_bill(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::RequestPrintedBillInput,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::request_printed_bill::RequestPrintedBill>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("requestPrintedBill is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn rescind_contract(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::RescindContractInput,
    ) -> ::std::result::Result<
        ::oees_client::rescind_contract::RescindContractOutput,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("rescindContract is not implemented yet")
    }
    #[allow(deprecated)]
    #[allow(unused_variables)]
    async fn reset_password(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::ResetPasswordMutationInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::reset_password::ResetPasswordMutationPayload,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("resetPassword is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn reset_user_password(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::ResetUserPasswordInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::reset_user_password::ResetUserPasswordOutput,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("resetUserPassword is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn resume_collection_process(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::ResumeCollectionProcessInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::resume_collection_process::ResumeCollectionProcess,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("resumeCollectionProcess is not implemented yet")
    }
    #[allow(deprecated)]
    #[allow(unused_variables)]
    async fn resume_control(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::std::option::Option<::oees_client::types::AccountNumberInput>,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::resume_control::ResumeDeviceControl>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("resumeControl is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn retire_customer_asset(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::RetireCustomerAssetInput,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::retire_customer_asset::RetireCustomerAsset>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("retireCustomerAsset is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn reverse_enrollment(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::ReverseEnrollmentInput,
    ) -> ::std::result::Result<
        ::oees_client::reverse_enrollment::EnrollmentReversed,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("reverseEnrollment is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn reverse_leave_supplier(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::ReverseLeaveSupplierInput,
    ) -> ::std::result::Result<
        ::oees_client::reverse_leave_supplier::LeaveSupplierReversed,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("reverseLeaveSupplier is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn revoke_agreement(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::RevokeAgreementInput,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::revoke_agreement::RevokeAgreement>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("revokeAgreement is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn revoke_contract(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::RevokeContractInput,
    ) -> ::std::result::Result<
        ::oees_client::revoke_contract::RevokeContractOutput,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("revokeContract is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn revoke_user_access_from_business(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::RevokeUserAccessFromBusinessInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::revoke_user_access_from_business::RevokeUserAccessFromBusiness,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("revokeUserAccessFromBusiness is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn run_agreement_rollover(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::RunAgreementRolloverInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::run_agreement_rollover::RunAgreementRollover,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("runAgreementRollover is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn schedule_quote_follow_up(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::QuoteShareInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::schedule_quote_follow_up::ScheduleQuoteFollowUp,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("scheduleQuoteFollowUp is not implemented yet")
    }
    #[allow(deprecated)]
    #[allow(unused_variables)]
    async fn select_charge_point_make_for_smart_flex_onboarding(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::SelectChargePointMakeInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::select_charge_point_make_for_smart_flex_onboarding::SelectChargePointMakeForSmartFlexOnboarding,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!(
            "selectChargePointMakeForSmartFlexOnboarding is not implemented yet"
        )
    }
    #[allow(deprecated)]
    #[allow(unused_variables)]
    async fn select_charge_point_variant_for_smart_flex_onboarding(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::SelectChargePointVariantInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::select_charge_point_variant_for_smart_flex_onboarding::SelectChargePointVariantForSmartFlexOnboarding,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!(
            "selectChargePointVariantForSmartFlexOnboarding is not implemented yet"
        )
    }
    #[allow(deprecated)]
    #[allow(unused_variables)]
    async fn select_device_type_for_smart_flex_onboarding(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::SelectDeviceTypeInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::select_device_type_for_smart_flex_onboarding::SelectDeviceTypeForSmartFlexOnboarding,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("selectDeviceTypeForSmartFlexOnboarding is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn select_from_list_for_smart_flex_onboarding(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::SelectFromListInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::select_from_list_for_smart_flex_onboarding::SelectFromListForSmartFlexOnboarding,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("selectFromListForSmartFlexOnboarding is not implemented yet")
    }
    #[allow(deprecated)]
    #[allow(unused_variables)]
    async fn select_inverter_make_for_smart_flex_onboarding(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::SelectInverterMakeInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::select_inverter_make_for_smart_flex_onboarding::SelectInverterMakeForSmartFlexOnboarding,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("selectInverterMakeForSmartFlexOnboarding is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn select_products(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::SelectProductsInput,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::select_products::SelectProducts>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("selectProducts is not implemented yet")
    }
    #[allow(deprecated)]
    #[allow(unused_variables)]
    async fn select_user_vehicle_for_smart_flex_onboarding(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::SelectUserVehicleInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::select_user_vehicle_for_smart_flex_onboarding::SelectUserVehicleForSmartFlexOnboarding,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("selectUserVehicleForSmartFlexOnboarding is not implemented yet")
    }
    #[allow(deprecated)]
    #[allow(unused_variables)]
    async fn select_vehicle_make_for_smart_flex_onboarding(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::SelectVehicleMakeInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::select_vehicle_make_for_smart_flex_onboarding::SelectVehicleMakeForSmartFlexOnboarding,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("selectVehicleMakeForSmartFlexOnboarding is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn select_vehicle_or_charge_point_for_smart_flex_onboarding(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::SelectVehicleOrChargePointInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::select_vehicle_or_charge_point_for_smart_flex_onboarding::CompleteSelectVehicleOrChargePointForSmartFlexOnboarding,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!(
            "selectVehicleOrChargePointForSmartFlexOnboarding is not implemented yet"
        )
    }
    #[allow(deprecated)]
    #[allow(unused_variables)]
    async fn select_vehicle_variant_for_smart_flex_onboarding(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::SelectVehicleVariantInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::select_vehicle_variant_for_smart_flex_onboarding::SelectVehicleVariantForSmartFlexOnboarding,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("selectVehicleVariantForSmartFlexOnboarding is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn send_agreement_rescission_confirmation(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::SendAgreementRescissionMessageInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::send_agreement_rescission_confirmation::SendAgreementRescissionConfirmation,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("sendAgreementRescissionConfirmation is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn send_offer_quote_summary(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::OfferQuoteSummaryInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::send_offer_quote_summary::SendOfferQuoteSummary,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("sendOfferQuoteSummary is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn send_quote_summary(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::QuoteShareInput,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::send_quote_summary::SendQuoteSummary>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("sendQuoteSummary is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn send_verification_email(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::SendVerificationEmailInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::send_verification_email::SendVerificationEmail,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("sendVerificationEmail is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn set_device_preferences(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::SmartFlexDevicePreferencesInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::set_device_preferences::SmartFlexDeviceInterface,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("setDevicePreferences is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn set_loyalty_points_user(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::SetLoyaltyPointsUserInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::set_loyalty_points_user::SetLoyaltyPointsUser,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("setLoyaltyPointsUser is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn set_opportunity_outcome(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::SetOpportunityOutcomeInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::set_opportunity_outcome::SetOpportunityOutcome,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("setOpportunityOutcome is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn set_payment_preference(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::SetPaymentPreferenceInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::set_payment_preference::SetPaymentPreference,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("setPaymentPreference is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn set_up_direct_debit_instruction(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::SetUpDirectDebitInstructionInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::set_up_direct_debit_instruction::SetUpDirectDebitInstruction,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("setUpDirectDebitInstruction is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn set_up_direct_debit_instruction_for_business(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::SetUpDirectDebitInstructionForBusinessInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::set_up_direct_debit_instruction_for_business::SetUpDirectDebitInstructionForBusiness,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("setUpDirectDebitInstructionForBusiness is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn set_up_direct_debit_instruction_from_stored_details(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::SetUpDirectDebitInstructionFromStoredDetailsInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::set_up_direct_debit_instruction_from_stored_details::SetUpDirectDebitInstructionFromStoredDetails,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!(
            "setUpDirectDebitInstructionFromStoredDetails is not implemented yet"
        )
    }
    #[allow(deprecated)]
    #[allow(unused_variables)]
    async fn set_vehicle_charge_preferences(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::std::option::Option<
            ::oees_client::types::VehicleChargingPreferencesInput,
        >,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::set_vehicle_charge_preferences::SetVehicleChargingPreferences,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("setVehicleChargePreferences is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn share_goods_quote(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::ShareGoodsQuoteInput,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::share_goods_quote::ShareGoodsQuote>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("shareGoodsQuote is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn start_collection_process(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::StartCollectionProcessInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::start_collection_process::StartCollectionProcess,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("startCollectionProcess is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn start_customer_verification(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::StartCustomerVerificationInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::start_customer_verification::StartCustomerVerification,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("startCustomerVerification is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn start_re_authentication(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::StartReAuthenticationInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::start_re_authentication::StartReAuthentication,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("startReAuthentication is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn start_smart_flex_onboarding(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::StartSmartFlexOnboardingInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::start_smart_flex_onboarding::StartSmartFlexOnboarding,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("startSmartFlexOnboarding is not implemented yet")
    }
    #[allow(deprecated)]
    #[allow(unused_variables)]
    async fn start_test_charge_for_smart_flex_onboarding(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::CompleteSmartFlexOnboardingStepInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::start_test_charge_for_smart_flex_onboarding::StartTestChargeForSmartFlexOnboarding,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("startTestChargeForSmartFlexOnboarding is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn stop_automated_payments(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::StopAutomatedPaymentsInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::stop_automated_payments::StopAutomatedPayments,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("stopAutomatedPayments is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn store_bank_details_for_lead(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::StoreBankDetailsForLeadInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::store_bank_details_for_lead::StoreBankDetailsForLead,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("storeBankDetailsForLead is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn store_direct_debit_payment_method_details(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::StoreDirectDebitPaymentMethodDetailsInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::store_direct_debit_payment_method_details::StoreDirectDebitPaymentMethodDetails,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("storeDirectDebitPaymentMethodDetails is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn store_payment_instruction(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::StorePaymentInstructionInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::store_payment_instruction::StorePaymentInstruction,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("storePaymentInstruction is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn submit_customer_feedback(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::CustomerFeedbackInputType,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::submit_customer_feedback::SubmitCustomerFeedback,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("submitCustomerFeedback is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn submit_gas_self_reading(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::GasSelfReadingSubmissionInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::submit_gas_self_reading::SubmitGasSelfReading,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("submitGasSelfReading is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn submit_repayment_request(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::RequestRepaymentInputType,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::submit_repayment_request::SubmitRepaymentRequest,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("submitRepaymentRequest is not implemented yet")
    }
    #[allow(deprecated)]
    #[allow(unused_variables)]
    async fn suspend_control(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::std::option::Option<::oees_client::types::AccountNumberInput>,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::suspend_control::SuspendDeviceControl>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("suspendControl is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn switch_account_to_variable_payment_schedule(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::SwitchAccountToVariablePaymentScheduleInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::switch_account_to_variable_payment_schedule::SwitchAccountToVariablePaymentSchedule,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("switchAccountToVariablePaymentSchedule is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn terminate_agreement(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::TerminateAgreementInput,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::terminate_agreement::TerminateAgreement>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("terminateAgreement is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn terminate_contract(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::TerminateContractInput,
    ) -> ::std::result::Result<
        ::oees_client::terminate_contract::TerminateContractOutput,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("terminateContract is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn terminate_credit_transfer_permission(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::TerminateCreditTransferPermissionInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::terminate_credit_transfer_permission::TerminateCreditTransferPermission,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("terminateCreditTransferPermission is not implemented yet")
    }
    #[allow(deprecated)]
    #[allow(unused_variables)]
    async fn terminate_solar_wallet_relationship(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::TerminateSolarWalletRelationshipType,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::terminate_solar_wallet_relationship::TerminateSolarWalletRelationship,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("terminateSolarWalletRelationship is not implemented yet")
    }
    #[allow(deprecated)]
    #[allow(unused_variables)]
    async fn third_party_complete_device_registration(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::std::option::Option<
            ::oees_client::types::CompleteDeviceRegistrationInput,
        >,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::third_party_complete_device_registration::ThirdPartyCompleteDeviceRegistration,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("thirdPartyCompleteDeviceRegistration is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn transfer_lead_opportunities(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::TransferLeadOpportunitiesInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::transfer_lead_opportunities::TransferLeadOpportunities,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("transferLeadOpportunities is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn transfer_ledger_balance(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::TransferLedgerBalanceInputType,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::transfer_ledger_balance::TransferLedgerBalance,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("transferLedgerBalance is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn transfer_loyalty_points_between_users(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::TransferLoyaltyPointsBetweenUsersInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::transfer_loyalty_points_between_users::TransferLoyaltyPointsBetweenUsers,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("transferLoyaltyPointsBetweenUsers is not implemented yet")
    }
    #[allow(deprecated)]
    #[allow(unused_variables)]
    async fn trigger_boost_charge(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::std::option::Option<::oees_client::types::AccountNumberInput>,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::trigger_boost_charge::PerformBoostCharge>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("triggerBoostCharge is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn trigger_collection_process_message(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::TriggerCollectionProcessMessageInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::trigger_collection_process_message::TriggerCollectionProcessMessage,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("triggerCollectionProcessMessage is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn trigger_post_upload_operations(
        &self,
        caller: &::krakengen_server::policy::Caller,
        s3_key: ::std::string::String,
    ) -> ::std::result::Result<
        ::oees_client::trigger_post_upload_operations::TriggerPostUploadOperations,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("triggerPostUploadOperations is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn trigger_test_charge(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::std::option::Option<::oees_client::types::AccountNumberInput>,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::trigger_test_charge::PerformTestCharge>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("triggerTestCharge is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn unenroll_account_from_loyalty_program(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::UnenrollAccountFromLoyaltyProgramInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::unenroll_account_from_loyalty_program::UnenrollAccountFromLoyaltyProgram,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("unenrollAccountFromLoyaltyProgram is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn unlink_user_from_line(
        &self,
        caller: &::krakengen_server::policy::Caller,
    ) -> ::std::result::Result<
        ::oees_client::types::UnlinkUserFromLineResponse,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("unlinkUserFromLine is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn update_account_billing_address(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::AccountBillingAddressInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::update_account_billing_address::UpdateAccountBillingAddress,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("updateAccountBillingAddress is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn update_account_billing_email(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::UpdateAccountBillingEmailInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::update_account_billing_email::UpdateAccountBillingEmail,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("updateAccountBillingEmail is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn update_account_consents(
        &self,
        caller: &::krakengen_server::policy::Caller,
        account_number: ::std::string::String,
        consents: ::std::vec::Vec<
            ::std::option::Option<::oees_client::types::ConsentInput>,
        >,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::update_account_consents::UpdateAccountConsents,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("updateAccountConsents is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn update_account_reference(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::AccountReferenceInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::update_account_reference::UpdateAccountReference,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("updateAccountReference is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn update_account_referral_status(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::UpdateAccountReferralStatusInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::update_account_referral_status::UpdateAccountReferralStatus,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("updateAccountReferralStatus is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn update_account_user(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::std::option::Option<::oees_client::types::UpdateAccountUserInput>,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::update_account_user::UpdateAccountUser>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("updateAccountUser is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn update_account_user_consents(
        &self,
        caller: &::krakengen_server::policy::Caller,
        consents: ::std::option::Option<
            ::std::vec::Vec<
                ::std::option::Option<::oees_client::types::ConsentTypeInput>,
            >,
        >,
        user_number: ::std::option::Option<::std::string::String>,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::update_account_user_consents::UpdateAccountUserConsents,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("updateAccountUserConsents is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn update_active_purchase(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::UpdatePurchaseInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::update_active_purchase::UpdateActivePurchase,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("updateActivePurchase is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn update_affiliate_link(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::UpdateAffiliateLinkInputType,
    ) -> ::std::result::Result<
        ::oees_client::update_affiliate_link::UpdateAffiliateLink,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("updateAffiliateLink is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn update_affiliate_organisation(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::UpdateAffiliateOrganisationInputType,
    ) -> ::std::result::Result<
        ::oees_client::update_affiliate_organisation::UpdateAffiliateOrganisation,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("updateAffiliateOrganisation is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn update_agent_auxiliary_status(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::UpdateAgentAuxiliaryStatusInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::update_agent_auxiliary_status::UpdateAgentAuxiliaryStatus,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("updateAgentAuxiliaryStatus is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn update_agreement_period(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::UpdateAgreementPeriodInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::update_agreement_period::UpdateAgreementPeriod,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("updateAgreementPeriod is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn update_agreement_rescission(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::UpdateAgreementRescissionInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::update_agreement_rescission::UpdateAgreementRescission,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("updateAgreementRescission is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn update_agreement_rollover(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::UpdateAgreementRolloverInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::update_agreement_rollover::UpdateAgreementRollover,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("updateAgreementRollover is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn update_api_exception(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::UpdateApiExceptionInput,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::update_api_exception::UpdateApiException>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("updateApiException is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn update_api_exception_note(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::UpdateApiExceptionNoteInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::update_api_exception_note::UpdateApiExceptionNote,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("updateApiExceptionNote is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn update_auto_top_up_amount(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::UpdateAutoTopUpAmountInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::update_auto_top_up_amount::UpdateAutoTopUpAmount,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("updateAutoTopUpAmount is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn update_billing_address(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::std::option::Option<
            ::oees_client::types::UpdateAccountBillingAddressInput,
        >,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::update_billing_address::UpdateBillingAddress,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("updateBillingAddress is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn update_billing_details(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::std::option::Option<
            ::oees_client::types::UpdateAccountBillingDetailsInput,
        >,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::update_billing_details::UpdateBillingDetails,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("updateBillingDetails is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn update_boost_charge(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::std::option::Option<::oees_client::types::UpdateBoostChargeInput>,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::update_boost_charge::SmartFlexDeviceInterface,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("updateBoostCharge is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn update_campaign_account_expiry_date(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::UpdateCampaignAccountExpiryDateInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::update_campaign_account_expiry_date::UpdateCampaignAccountExpiryDate,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("updateCampaignAccountExpiryDate is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn update_collection_process_record_latest_step(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::UpdateCollectionProcessRecordLatestStepInputType,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::update_collection_process_record_latest_step::UpdateCollectionProcessRecordLatestStep,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("updateCollectionProcessRecordLatestStep is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn update_collection_process_record_to_active(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::UpdateCollectionProcessRecordToActiveInputType,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::update_collection_process_record_to_active::UpdateCollectionProcessRecordToActive,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("updateCollectionProcessRecordToActive is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn update_collection_process_record_to_complete(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::UpdateCollectionProcessRecordToCompleteInputType,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::update_collection_process_record_to_complete::UpdateCollectionProcessRecordToComplete,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("updateCollectionProcessRecordToComplete is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn update_comms_delivery_preference(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::UpdateCommsDeliveryPreferenceInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::update_comms_delivery_preference::UpdateCommsDeliveryPreference,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("updateCommsDeliveryPreference is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn update_comms_preferences(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::UpdateAccountUserCommsPreferencesMutationInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::update_comms_preferences::UpdateAccountUserCommsPreferencesMutationPayload,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("updateCommsPreferences is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn update_dca_proceeding(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::UpdateDcaProceedingInputType,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::update_dca_proceeding::UpdateDcaProceeding>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("updateDcaProceeding is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn update_device_grid_export(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::std::option::Option<::oees_client::types::UpdateDeviceGridExportInput>,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::update_device_grid_export::SmartFlexDeviceInterface,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("updateDeviceGridExport is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn update_device_smart_control(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::SmartControlInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::update_device_smart_control::SmartFlexDeviceInterface,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("updateDeviceSmartControl is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn update_document_accessibility_preference(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::UpdateDocumentAccessibilityPreferenceInput,
    ) -> ::std::result::Result<
        ::oees_client::update_document_accessibility_preference::UpdateDocumentAccessibilityPreference,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("updateDocumentAccessibilityPreference is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn update_is_charging_duration_capped(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::std::option::Option<
            ::oees_client::types::UpdateIsChargingDurationCappedInput,
        >,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::update_is_charging_duration_capped::SmartFlexDeviceInterface,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("updateIsChargingDurationCapped is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn update_lead_details(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::UpdateLeadDetailsInput,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::update_lead_details::UpdateLeadDetails>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("updateLeadDetails is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn update_lead_stage(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::UpdateLeadStageInput,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::update_lead_stage::UpdateLeadStage>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("updateLeadStage is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn update_leave_supplier(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::UpdateLeaveSupplierInput,
    ) -> ::std::result::Result<
        ::oees_client::update_leave_supplier::LeaveSupplierUpdated,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("updateLeaveSupplier is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn update_message_tags(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::std::option::Option<::oees_client::types::UpdateMessageTagsInput>,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::update_message_tags::UpdateMessageTags>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("updateMessageTags is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn update_metadata(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::MetadataInput,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::update_metadata::UpdateMetadata>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("updateMetadata is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn update_notes_on_opportunity(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::UpdateNotesOnOpportunityInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::update_notes_on_opportunity::UpdateNotesOnOpportunity,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("updateNotesOnOpportunity is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn update_offer_group_on_opportunity(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::UpdateOfferGroupOnOpportunityInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::update_offer_group_on_opportunity::UpdateOfferGroupOnOpportunity,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("updateOfferGroupOnOpportunity is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn update_on_site_jobs_request(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::OnSiteJobsUpdateRequestInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::update_on_site_jobs_request::UpdateOnSiteJobsRequest,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("updateOnSiteJobsRequest is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn update_opportunity_assignment(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::UpdateOpportunityAssignmentInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::update_opportunity_assignment::UpdateOpportunityAssignment,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("updateOpportunityAssignment is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn update_opportunity_details(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::UpdateOpportunityDetailsInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::update_opportunity_details::UpdateOpportunityDetails,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("updateOpportunityDetails is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn update_opportunity_extra_details(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::UpdateExtraDetailsInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::update_opportunity_extra_details::UpdateOpportunityExtraDetails,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("updateOpportunityExtraDetails is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn update_opportunity_stage(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::UpdateOpportunityStageInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::update_opportunity_stage::UpdateOpportunityStage,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("updateOpportunityStage is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn update_options_language_preference(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::OptionsLanguagePreferenceInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::update_options_language_preference::UpdateOptionsLanguagePreference,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("updateOptionsLanguagePreference is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn update_password(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::std::option::Option<::oees_client::types::UpdatePasswordInput>,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::update_password::UpdatePassword>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("updatePassword is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn update_payment_details(
        &self,
        caller: &::krakengen_server::policy::Caller,
        new_payment_details: ::std::option::Option<
            ::oees_client::types::UpdateAccountPaymentInput,
        >,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::update_payment_details::UpdatePaymentDetails,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("updatePaymentDetails is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn update_product_prices(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::UpdateProductPricesInput,
    ) -> ::std::result::Result<
        ::oees_client::update_product_prices::UpdateProductPricesOutput,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("updateProductPrices is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn update_quote_configuration(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::UpdateQuoteConfigurationInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::update_quote_configuration::UpdateQuoteConfigurationOutput,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("updateQuoteConfiguration is not implemented yet")
    }
    #[allow(deprecated)]
    #[allow(unused_variables)]
    async fn update_siteworks_request(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::UpdateSiteworksRequestInputType,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::update_siteworks_request::UpdateSiteworksRequest,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("updateSiteworksRequest is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn update_user(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::UpdateUserInput,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::update_user::UpdateUserMutation>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("updateUser is not implemented yet")
    }
    #[allow(deprecated)]
    #[allow(unused_variables)]
    async fn update_user_details(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::UpdateAccountUserMutationInput,
    ) -> ::std::result::Result<
        ::std::option::Option<
            ::oees_client::update_user_details::UpdateAccountUserMutationPayload,
        >,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("updateUserDetails is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn validate_address(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::ValidateAddressInput,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::validate_address::ValidateAddress>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("validateAddress is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn validate_email(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::ValidateEmailInput,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::validate_email::ValidateEmail>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("validateEmail is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn validate_mfa_device(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::ValidateMfaDeviceInputType,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::validate_mfa_device::ValidateMfaDevice>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("validateMfaDevice is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn validate_phone(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::ValidatePhoneNumberInput,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::validate_phone::ValidatePhone>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("validatePhone is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn vary_contract_terms(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::VaryContractTermsInput,
    ) -> ::std::result::Result<
        ::oees_client::vary_contract_terms::VaryContractTermsOutput,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("varyContractTerms is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn verify_customer(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::VerifyCustomerInput,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::verify_customer::VerifyCustomer>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("verifyCustomer is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn verify_email(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::VerifyEmailInput,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::verify_email::VerifyEmail>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("verifyEmail is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn verify_identity(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::VerifyIdentityInput,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::verify_identity::VerifyIdentity>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("verifyIdentity is not implemented yet")
    }
    #[allow(unused_variables)]
    async fn withdraw_dunning(
        &self,
        caller: &::krakengen_server::policy::Caller,
        input: ::oees_client::types::WithdrawDunningInputType,
    ) -> ::std::result::Result<
        ::std::option::Option<::oees_client::withdraw_dunning::WithdrawDunning>,
        ::oees_errors::KrakenError,
    > {
        ::std::todo!("withdrawDunning is not implemented yet")
    }
}
