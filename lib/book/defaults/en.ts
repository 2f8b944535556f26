import { buildDefaultBook, type BookTexts } from './skeleton';

/** The default sales book in English. A team lead replaces or edits it; ids come from skeleton.ts. */
export const enTexts: BookTexts = {
  title: 'Touchbook starter sales book',
  description:
    'A ready-made book for teams that sell again to the clients they already have: when to get in touch and why, what to offer next, what to ask at a meeting and how to answer the usual objections. Edit it to fit your products.',
  author: 'Touchbook',
  team: 'Default book',

  roles: {
    'sales-manager': 'Sales manager',
    'service-advisor': 'Service advisor',
    finance: 'Finance department',
    'trade-in-team': 'Trade-in team',
    'account-manager': 'Account manager',
    'client-service': 'Client service (feedback owner)',
  },

  programmes: {
    'client-callback': {
      name: 'Callback the client asked for',
      description:
        'When a client says "call me on Thursday at three", the promise is kept to the minute. Record the exact time on the card; the reminder fires then.',
      touches: {
        'requested-callback': {
          goal: 'Call back exactly when the client asked and pick up where the last conversation stopped',
          script:
            '{{greeting}}, {{client.firstName}}, this is {{manager.name}} from {{company.name}}. You asked me to call you back at this time, so here I am. Last time we stopped at … Is now still a good moment?',
        },
      },
    },
    'durable-goods': {
      name: 'Durable goods: the first year after the purchase',
      description:
        'A car, a machine or equipment starts a chain of contacts: the buyer hears from us at one week, one month and three months, then from service, finance and the trade-in team. Each contact has its own reason, so none of them feels like a cold sales call.',
      appliesTo: { categories: ['car', 'vehicle', 'equipment', 'machinery', 'appliance'] },
      touches: {
        'satisfaction-call': {
          goal: 'Check that the client is happy with the purchase and fix any early problem',
          script:
            '{{greeting}}, {{client.firstName}}! {{manager.name}} from {{company.name}} here. It has been a week since you took your {{product}}. How is it going? Is there anything that surprised you or that we should adjust?',
        },
        'first-month-check-in': {
          goal: 'Ask how things are after a month of real use; note wishes and interests on the card',
          script:
            '{{client.firstName}}, hello, it is {{manager.name}} from {{company.name}}. You have had the {{product}} for a month now, so you know it well. What do you like about it, and is there anything you would change?',
        },
        'add-on-offer': {
          goal: 'Offer an additional product or service, especially one the card says the client was interested in',
          script:
            '{{greeting}}, {{client.firstName}}, {{manager.name}} from {{company.name}}. You have had the {{product}} for three months now. There are a few additions our clients choose for it most often; may I tell you about them in two minutes?',
          variants: [{ script: '{{greeting}}, {{client.firstName}}, {{manager.name}} from {{company.name}}. Many clients who bought the {{product}} add {{product.next}} later on: it makes everyday use easier. We have three options for it; may I tell you briefly how they differ?' }],
        },
        'service-reminder': {
          goal: 'Remind the client that scheduled maintenance is due and book a visit',
          script:
            '{{greeting}}, {{client.firstName}}, this is the service department of {{company.name}}. Your {{product}} is due for its six-month maintenance. Which day suits you better, this week or next?',
        },
        'insurance-renewal': {
          goal: 'Renew the insurance policies at the end of the first year',
          script:
            '{{greeting}}, {{client.firstName}}, this is the finance department of {{company.name}}. The insurance on your {{product}} is coming up for renewal. We can prepare the documents in advance so it takes you ten minutes. When would you like to drop by?',
        },
        'trade-in-offer': {
          goal: 'After a year of use, for a client with frequent service visits (two or more in the last three months): offer to buy back the old item and sell a new one on special terms',
          countedPurchases: { categories: ['service'], products: ['service', 'maintenance', 'repair', 'inspection'] },
          script:
            '{{greeting}}, {{client.firstName}}, this is the trade-in team of {{company.name}}. Looking at your service visits, your {{product}} has been needing attention lately. As a regular client you can hand it over to us and move to a new model on special terms. Shall I work out the figures for you?',
        },
      },
    },
    'construction-object': {
      name: 'Construction object: from foundation to finishing',
      description:
        'A buyer of foundation materials will need wall materials in about a month, roofing after the walls and finishing materials after the roof. Each stage predicts the next; the goal is the largest possible share of the object bought from us.',
      appliesTo: { products: ['cement', 'concrete', 'rebar', 'foundation'], categories: ['foundation', 'concrete', 'cement', 'rebar'] },
      touches: {
        'walls-materials': {
          closedBy: { categories: ['bricks', 'blocks', 'masonry', 'walling', 'roofing', 'finishing', 'flooring', 'laminate', 'wallpaper'], products: ['brick', 'block', 'roofing', 'roof tile', 'shingle', 'roof sheet', 'laminate', 'wallpaper', 'drywall', 'plaster', 'paint'], reason: 'The client has already bought materials for the walls' },
          goal: 'The foundation is ready: offer bricks and blocks for the walls',
          script:
            '{{greeting}}, {{client.firstName}}, {{manager.name}} from {{company.name}}. A month ago you took materials for the foundation, so the walls are probably next. What are you planning to build them from? I can put together the quantity and delivery dates for your site.',
        },
        roofing: {
          closedBy: { categories: ['roofing', 'finishing', 'flooring', 'laminate', 'wallpaper'], products: ['roofing', 'roof tile', 'shingle', 'roof sheet', 'laminate', 'wallpaper', 'drywall', 'plaster', 'paint'], reason: 'The client has already bought roofing' },
          goal: 'The walls are going up: ask when the roof is planned and offer roofing on regular-client terms',
          script:
            '{{client.firstName}}, hello, it is {{manager.name}} from {{company.name}}. How are the walls coming along? When are you planning the roof? Let us talk it through now: as a regular client you will get good terms, and the delivery will arrive exactly when the crew needs it.',
        },
        finishing: {
          closedBy: { categories: ['finishing', 'flooring', 'laminate', 'wallpaper'], products: ['laminate', 'wallpaper', 'drywall', 'plaster', 'paint'], reason: 'The client has already bought finishing materials' },
          goal: 'The roof is on: offer finishing materials (wallpaper, laminate, everything for the interior)',
          script:
            '{{greeting}}, {{client.firstName}}! With the roof done, the interior comes next. I would like to show you finishing options at three price levels and calculate the whole house at once, which is cheaper than buying room by room. When is it convenient to meet?',
        },
      },
    },
    'policy-renewal': {
      name: 'Insurance policy: renewal before it expires',
      description:
        'When the card shows when the client\'s insurance policy ends, finance calls three weeks before that day, in time to prepare the renewal. This call replaces the one a year after the purchase, which only guesses the date.',
      dateLabels: ['Policy expiry', 'Policy expires', 'Policy end date', 'Insurance expiry', 'Insurance valid until', 'Insurance until'],
      touches: {
        'policy-expiry-call': {
          goal: 'Three weeks before the policy expires: offer to renew it and prepare the documents in advance',
          script:
            '{{greeting}}, {{client.firstName}}, this is the finance department of {{company.name}}. Your insurance policy runs out in three weeks. We can prepare the renewal now so that you are not left uninsured for a single day. Shall I send you the terms today?',
        },
      },
    },
    'contract-renewal': {
      name: 'Contract: renewal before it ends',
      description:
        'A service or supply contract whose end date is on the card brings a call a month before that day: enough time to agree on new terms before the client starts looking around.',
      dateLabels: ['Contract end', 'Contract expiry', 'Contract end date', 'Contract valid until', 'Contract expires'],
      touches: {
        'contract-renewal-call': {
          goal: 'A month before the contract ends: agree on the renewal and the terms for the next period',
          script:
            '{{greeting}}, {{client.firstName}}, {{manager.name}} from {{company.name}}. Our contract with you ends in a month, and I would like to make sure nothing is interrupted. Shall we go over what worked well this year and what to change in the new terms?',
        },
      },
    },
    'month-end-purchase': {
      name: 'Month-end buyers: a call two weeks before',
      description:
        'Some clients place their orders at the end of the month, when budgets close. A call two weeks earlier lets them plan the order with us instead of rushing it elsewhere. For clients with at least two purchases in a month\'s last week.',
      touches: {
        'month-end-order': {
          goal: 'Two weeks before the month ends: help the client plan the month-end order',
          script:
            '{{greeting}}, {{client.firstName}}, {{manager.name}} from {{company.name}}. You usually place your order at the end of the month, so I am calling early: shall we put it together now, so that prices and delivery dates are fixed in good time?',
        },
      },
    },
    consumables: {
      name: 'Consumables: reminder before the client runs out',
      description:
        'Everyday goods are bought again every one to six months. The reminder arrives a little before the client would run out, so buying again from us is easier than looking elsewhere. Adjust the interval to how fast your product is used up.',
      appliesTo: { categories: ['consumables', 'supplies', 'cartridges', 'filters'] },
      replacedReason: 'The client bought this category again; the reminders now count from the new purchase',
      touches: {
        replenishment: {
          goal: 'Remind the client to restock before they run out and offer to repeat the last order',
          script:
            '{{greeting}}, {{client.firstName}}! {{manager.name}} from {{company.name}}. Your {{product}} is probably running low by now. Shall I repeat your last order with the same delivery, or would you like to change anything?',
        },
      },
    },
    'second-purchase-discount': {
      name: 'Second-purchase discount with an expiry date',
      description:
        'After the first purchase the client gets a discount on the next one, valid for a limited time. The card records the discount, its amount and its expiry so any manager can check it when the client comes back.',
      touches: {
        'discount-announcement': {
          goal: 'Thank the client for the purchase and tell them about their discount on the next one and when it ends',
          script:
            'Dear {{client.firstName}}, thank you for choosing {{company.name}}. As a thank-you, your next purchase with us comes with a discount for a limited time. Reply to this message and I will send you the terms. Best regards, {{manager.name}}',
          variants: [
            {
              script:
                'Dear {{client.firstName}}, thank you for choosing {{company.name}}. As a thank-you, your next purchase comes with a {{discount.amount}} discount, valid until {{discount.until}}. You do not need a coupon: just mention your name. Best regards, {{manager.name}}',
            },
            {
              script:
                'Dear {{client.firstName}}, thank you for choosing {{company.name}}. As a thank-you, your next purchase comes with a {{discount.amount}} discount for a limited time. You do not need a coupon: just mention your name. Best regards, {{manager.name}}',
            },
          ],
        },
        'discount-expiry-reminder': {
          goal: 'Remind the client that the discount is about to expire',
          script:
            '{{greeting}}, {{client.firstName}}! This is {{manager.name}} from {{company.name}}. A quick reminder: the discount on your next purchase will not last much longer. Were you planning to buy anything? I can reserve it for you.',
          variants: [
            {
              script:
                '{{greeting}}, {{client.firstName}}! This is {{manager.name}} from {{company.name}}. A quick reminder: your {{discount.amount}} discount is valid until {{discount.until}}. If you were planning {{product.next}}, now is the best time. Shall I reserve it for you?',
            },
            {
              script:
                '{{greeting}}, {{client.firstName}}! This is {{manager.name}} from {{company.name}}. A quick reminder: your {{discount.amount}} discount is valid until {{discount.until}}. Were you planning to buy anything? I can reserve it for you.',
            },
            {
              script:
                '{{greeting}}, {{client.firstName}}! This is {{manager.name}} from {{company.name}}. A quick reminder: your {{discount.amount}} discount will not last much longer. Were you planning to buy anything? I can reserve it for you.',
            },
          ],
        },
      },
    },
    'seasonal-tyres': {
      name: 'Seasonal goods: tyres',
      description:
        'Seasonal goods are sold in their season. Clients who bought tyres hear from us before each change: summer tyres in March and April, winter tyres in October and November.',
      appliesTo: { categories: ['tyres', 'tires', 'wheels'] },
      touches: {
        'summer-tyres': {
          goal: 'Invite the client to change to summer tyres and offer a fitting slot',
          script:
            'Hello {{client.firstName}}! Spring is here and it is time for summer tyres. {{company.name}} has fitting slots this week. Shall I book one for you? {{manager.name}}',
        },
        'winter-tyres': {
          goal: 'Offer winter tyres and a fitting slot before the first frost and the queues',
          script:
            '{{greeting}}, {{client.firstName}}, {{manager.name}} from {{company.name}}. The first frosts are close and fitting queues grow every week. Would you like to check your winter tyres with us or choose a new set? I can book a time that suits you.',
        },
      },
    },
    'agricultural-season': {
      name: 'Agricultural season: spare parts and attachments',
      description:
        'Farms repair their machinery before the spring season and buy attachments a month or two before autumn field work. Whoever delivers first wins the season. Call the clients with the most machines (group A) first.',
      appliesTo: { tags: ['farm', 'agriculture', 'agro'] },
      touches: {
        'spare-parts-before-repairs': {
          goal: 'Before the repair season, collect the spare-parts order for tractors and combines; start with group A',
          script:
            '{{greeting}}, {{client.firstName}}, {{manager.name}} from {{company.name}}. Repair season is coming: which machines are you going to overhaul? Let us make a list of parts now, while everything is in stock and delivery is quick.',
        },
        'attachments-before-field-work': {
          goal: 'A month or two before autumn field work, offer harrows and other attachments for the crops the client grows',
          script:
            '{{client.firstName}}, hello! Autumn field work starts soon. Last season you worked with … Do you need harrows or other attachments this year? If we agree now, the equipment will be with you before the work begins.',
        },
      },
    },
    'feedback-after-deal': {
      name: 'Feedback after the deal',
      description:
        'A few days after a deal closes, the person responsible for feedback asks how it went, then calls once a month with two quick questions and every quarter runs a fuller survey instead. Decisions follow from the answers, otherwise the survey is pointless.',
      touches: {
        'feedback-call': {
          goal: 'Ask for feedback on the deal with the feedback questionnaire',
          script:
            '{{greeting}}, {{client.firstName}}, this is {{company.name}}. We have just completed your order and would like to do even better next time. May I ask you a few short questions? It will take three minutes.',
        },
        'monthly-quick-call': {
          goal: 'Monthly quick call: is the client comfortable working with us and with the people who serve them',
          script:
            '{{greeting}}, {{client.firstName}}, {{company.name}} here. A quick call, just two questions: is everything working well for you, and is it easy to work with our team? If anything gets in the way, tell me and I will sort it out.',
        },
        'quarterly-review': {
          goal: 'Quarterly in-depth survey: what to change, what else the client would buy from us',
          script:
            '{{greeting}}, {{client.firstName}}! Once a quarter we ask our regular clients what we should improve. Your opinion really changes how we work. Do you have five minutes now?',
        },
      },
    },
    birthdays: {
      name: 'Client birthdays',
      description: 'A personal greeting on the birthday, written for this person and not as a mass mailing.',
      touches: {
        'birthday-greeting': {
          goal: 'Congratulate the client personally; mention the birthday gift if you have one',
          script:
            '{{client.firstName}}, happy birthday! Everyone at {{company.name}} wishes you health, good luck and a great year ahead. We have prepared a small gift for you; it is waiting whenever it suits you. {{manager.name}}',
        },
      },
    },
    holidays: {
      name: 'Holiday greetings',
      description: 'Greetings before the holidays of the year: New Year, Christmas and Easter. Add the ones that matter to your clients.',
      touches: {
        'new-year-greeting': {
          goal: 'Send New Year greetings and thank the client for the year together',
          script:
            'Dear {{client.firstName}}, thank you for the year we worked together. The {{company.name}} team wishes you a happy New Year, new ideas and success. {{manager.name}}',
        },
      },
    },
  },

  holidayGreetings: {
    'christmas-greeting': {
      goal: 'Wish the client a merry Christmas before the break and thank them for the year',
      script:
        'Dear {{client.firstName}}, as Christmas approaches, all of us at {{company.name}} want to thank you for your trust this year. We wish you and your family a merry Christmas and a restful break. {{manager.name}}',
    },
    'easter-greeting': {
      goal: 'Wish the client a happy Easter before the long weekend',
      script:
        '{{client.firstName}}, with the Easter weekend coming up, the {{company.name}} team wishes you a happy Easter and a few good days of rest with your family. {{manager.name}}',
    },
  },

  crossSell: {
    'car-alloy-wheels': {
      title: 'Alloy wheels for a new car',
      core: { categories: ['car', 'vehicle'] },
      offers: { categories: ['alloy wheels', 'wheels'] },
      tagsAny: ['alloy wheels', 'wheels'],
      benefit: 'The car looks finished and handles better; the fitting is done by our service, so the warranty is kept.',
      options: {
        standard: { title: 'Cast wheels, factory design', whatDiffers: 'The original design approved for the model, fitted and balanced' },
        professional: { title: 'Lightweight cast wheels', whatDiffers: 'Lighter wheels for sharper handling and lower fuel use, plus tyre pressure sensors' },
        premium: { title: 'Forged wheels with a fitting package', whatDiffers: 'Forged, the lightest and strongest, with fitting, balancing and seasonal storage of the old set' },
      },
      script:
        '{{client.firstName}}, when you bought the car you mentioned alloy wheels. There are three options, from the factory design to forged wheels with storage of your current set. Which matters more to you: looks or handling?',
    },
    'car-tuning': {
      title: 'Tuning and accessories after a few months of driving',
      core: { categories: ['car', 'vehicle'] },
      offers: { categories: ['tuning', 'accessories', 'audio'] },
      tagsAny: ['tuning', 'accessories'],
      benefit: 'The car is adapted to how the client actually drives, without risk to the warranty.',
      options: {
        standard: { title: 'Comfort pack', whatDiffers: 'Mats, organiser, parking sensors' },
        professional: { title: 'Comfort and sound', whatDiffers: 'Everything in the comfort pack plus an upgraded audio system and sound insulation' },
        premium: { title: 'Individual project', whatDiffers: 'A design project tailored to the client with styling, audio and lighting, fitted by our service with a warranty' },
      },
      script:
        '{{client.firstName}}, after a few months of driving it is clear what you would like to improve. We have three packages, from comfort to a fully individual project. What bothers you most on the road?',
    },
    'car-insurance': {
      title: 'Insurance when the car is bought',
      core: { categories: ['car', 'vehicle'] },
      offers: { categories: ['insurance'] },
      benefit: 'One visit instead of several: the car leaves already insured, and renewal is reminded in a year.',
      options: {
        standard: { title: 'Compulsory cover', whatDiffers: 'The legal minimum: liability to third parties' },
        professional: { title: 'Compulsory plus damage cover', whatDiffers: 'Adds damage and theft cover with a deductible' },
        premium: { title: 'Full cover with assistance', whatDiffers: 'No deductible, roadside assistance and a replacement car during repairs' },
      },
      script:
        'To save you a second trip, we can insure the car right now. There are three levels; the difference is what happens after an accident. Shall I show you in a minute?',
    },
    'car-extended-warranty': {
      title: 'Extended warranty and service plan',
      core: { categories: ['car', 'vehicle', 'equipment'] },
      offers: { categories: ['extended warranty', 'service plan'] },
      benefit: 'Predictable running costs and no surprise repair bills after the factory warranty ends.',
      options: {
        standard: { title: 'Service plan', whatDiffers: 'Scheduled maintenance at a fixed price' },
        professional: { title: 'Extended warranty', whatDiffers: 'Service plan plus repair of major units for two more years' },
        premium: { title: 'Full care', whatDiffers: 'Extended warranty, free pick-up for service and a replacement vehicle' },
      },
      script:
        '{{client.firstName}}, the factory warranty will end in time, and repairs after that can be expensive. We have three ways to fix your costs in advance. Shall I compare them for your mileage?',
    },
    'tyres-fitting-and-storage': {
      title: 'Fitting and seasonal storage with the tyres',
      core: { categories: ['tyres', 'tires'] },
      offers: { categories: ['tyre fitting', 'tyre storage'] },
      benefit: 'No need to carry and store a set of tyres at home; the change is done in one visit.',
      options: {
        standard: { title: 'Fitting', whatDiffers: 'Fitting and balancing on the day of purchase' },
        professional: { title: 'Fitting and storage', whatDiffers: 'Plus storage of the off-season set until the next change' },
        premium: { title: 'Season subscription', whatDiffers: 'Two changes a year, storage, washing and a reminder call, at a fixed price' },
      },
      script:
        'Where are you going to keep the second set? We can store it for you and remind you when it is time to change. There are three options; the subscription is the most convenient.',
    },
    'foundation-waterproofing': {
      title: 'Waterproofing for the foundation',
      core: { categories: ['foundation', 'concrete', 'cement'] },
      offers: { categories: ['waterproofing', 'insulation'] },
      benefit: 'A dry basement and a foundation that lasts; fixing it after the walls are up costs many times more.',
      options: {
        standard: { title: 'Coating waterproofing', whatDiffers: 'Bitumen mastic, applied by the client\'s crew' },
        professional: { title: 'Roll waterproofing', whatDiffers: 'Membrane in rolls with a longer service life' },
        premium: { title: 'Waterproofing and insulation system', whatDiffers: 'Membrane, insulation boards and drainage calculated for the site' },
      },
      script:
        'While the foundation is open, it is the cheapest moment to protect it from water. I will show you three options and what each will cost for your site.',
    },
    'walls-mortar-and-mesh': {
      title: 'Mortar, mesh and lintels for the walls',
      core: { categories: ['bricks', 'blocks'] },
      offers: { categories: ['mortar', 'masonry mesh', 'lintels'] },
      benefit: 'Everything for the walls in one delivery: the crew does not stand idle waiting for the missing bits.',
      options: {
        standard: { title: 'Basic set', whatDiffers: 'Masonry mortar calculated to the number of blocks' },
        professional: { title: 'Set with reinforcement', whatDiffers: 'Plus masonry mesh and ready lintels for the openings' },
        premium: { title: 'Turnkey walls kit', whatDiffers: 'Everything above plus delivery to the day of work and a site visit by our specialist' },
      },
      script:
        'To keep your crew working without stops, let us add mortar and mesh to the blocks in the same delivery. I will calculate all three options for your project.',
    },
    'finishing-underlay-and-fitting': {
      title: 'Underlay, skirting and fitting with the flooring',
      core: { categories: ['laminate', 'flooring', 'finishing'] },
      offers: { categories: ['underlay', 'skirting', 'installation'] },
      benefit: 'A floor that is quiet and lasts, fitted in one go with matching details.',
      options: {
        standard: { title: 'Underlay and skirting', whatDiffers: 'Underlay and matching skirting boards' },
        professional: { title: 'Acoustic set', whatDiffers: 'Acoustic underlay, moisture barrier and skirting' },
        premium: { title: 'Turnkey fitting', whatDiffers: 'Acoustic set plus fitting by our team with a workmanship warranty' },
      },
      script:
        'The floor will only be as good as what is under it. There are three options, from the basic set to fitting by our team. Which would you prefer?',
    },
    'farm-service-kit': {
      title: 'Seasonal service kit for farm machinery',
      core: { categories: ['tractor', 'combine', 'farm machinery'] },
      offers: { categories: ['filters', 'belts', 'service kit'] },
      benefit: 'The machinery starts the season without breakdowns; the parts are on hand before they are needed.',
      options: {
        standard: { title: 'Filter kit', whatDiffers: 'All filters and oils for one service' },
        professional: { title: 'Season kit', whatDiffers: 'Filters plus belts, bearings and wear parts typical for this model' },
        premium: { title: 'Kit with on-site service', whatDiffers: 'Season kit plus our mechanic servicing the machines at the farm' },
      },
      script:
        'Before the season it is cheaper to replace wear parts than to stop in the field. We have three kits for your machines; shall I count them by number of units?',
    },
    'equipment-service-contract': {
      title: 'Service contract and training with equipment',
      core: { categories: ['equipment', 'machinery'] },
      offers: { categories: ['service contract', 'training'] },
      benefit: 'Staff use the equipment properly from day one, and downtime is covered by a guaranteed response time.',
      options: {
        standard: { title: 'Operator training', whatDiffers: 'Training for the client\'s operators at launch' },
        professional: { title: 'Training and service contract', whatDiffers: 'Plus scheduled maintenance and a guaranteed response time' },
        premium: { title: 'Full support', whatDiffers: 'Plus 24/7 support line and spare equipment during repairs' },
      },
      script:
        'The equipment pays off only when it works without stops. We offer three levels of support; the difference is how quickly we come when something goes wrong.',
    },
    'consumables-subscription': {
      title: 'Subscription for regular purchases',
      core: { categories: ['consumables', 'supplies'] },
      offers: { categories: ['subscription'] },
      benefit: 'The client no longer has to remember to reorder, and the price is fixed for the whole period.',
      options: {
        standard: { title: 'Scheduled delivery', whatDiffers: 'The usual order delivered on a fixed schedule' },
        professional: { title: 'Subscription with a discount', whatDiffers: 'Fixed price for six months and a discount on every delivery' },
        premium: { title: 'Managed supply', whatDiffers: 'We track the client\'s usage, adjust quantities and keep a reserve at our warehouse' },
      },
      script:
        '{{client.firstName}}, you order regularly anyway. Shall we make it automatic? There are three options, from simple delivery on a schedule to a supply we manage for you.',
    },
  },

  questionnaires: {
    negotiation: {
      title: 'Negotiation questionnaire',
      description:
        'Use it openly at the meeting and write the answers down. Start with easy questions, keep the ones that need discussion for the middle, and finish with questions that lead to a "yes". A manager who says "I forgot to ask" is the problem it solves.',
      questions: {
        'business-today': { text: 'How is the season going for you so far?', hint: 'An easy start; listen for news you can use later.' },
        'company-profile': { text: 'What does your company do, and who are your main customers?' },
        'role-in-purchasing': { text: 'What part do you play in purchasing?' },
        'current-suppliers': { text: 'Which suppliers do you work with now?', hint: 'Do not criticise them; ask what the client values in them.' },
        'items-and-volumes': { text: 'Which items do you buy, and in what volumes?' },
        'purchase-frequency': { text: 'How often do you order?', choices: ['Every week', 'Every month', 'Every quarter', 'Per project or season'] },
        'order-size': { text: 'What is the approximate size of one order?', unit: 'per order' },
        'what-to-improve': { text: 'What would you improve in how you are supplied today?', hint: 'This is where the offer comes from: write the client\'s own words.' },
        'decision-makers': { text: 'Who else takes part in the decision?' },
        'priority-deadlines': { text: 'Which deadlines are the most important for you?' },
        'payment-method': { text: 'How do you prefer to pay?', choices: ['Bank transfer', 'Prepayment', 'Deferred payment', 'Card'] },
        'choice-criteria': { text: 'What matters most when you choose a supplier?', choices: ['Price', 'Delivery time', 'Quality', 'Service and support', 'Payment terms'] },
        'terms-fit': { text: 'If we meet these deadlines and volumes, would that work for you?', choices: ['Yes', 'Yes, with changes', 'Not yet'] },
        'send-offer': { text: 'Shall I send you the offer today to the address you gave me?', choices: ['Yes', 'Yes, to another address', 'Later'] },
        'next-step': { text: 'Shall we agree on when we discuss the offer? Which day suits you?' },
      },
    },
    feedback: {
      title: 'Feedback questionnaire',
      description:
        'Open questions for detailed answers and 1-5 ratings. The feedback owner runs it regularly, not once a year, and the team acts on the answers.',
      questions: {
        'what-to-change': { text: 'What should we change in how we work with you?' },
        'service-professionalism': {
          text: 'How would you rate the professionalism of our service, from 1 to 5?',
          followUp: 'Thank you! What was missing for a 5?',
        },
        'overall-rating': {
          text: 'How would you rate our work overall, from 1 to 5?',
          followUp: 'What went wrong? We would like to fix it.',
        },
        'what-else-to-buy': { text: 'What else would you be comfortable buying from us?' },
        'buy-more-conditions': { text: 'What would need to change for you to buy more from us?', hint: 'The polite way to ask why the client also buys elsewhere.' },
        'would-recommend': {
          text: 'Would you recommend us to a colleague?',
          choices: ['Yes', 'Probably', 'No'],
          followUp: 'What would have to change for you to recommend us?',
        },
      },
    },
  },

  objections: {
    'price-too-expensive': {
      phrasings: ['It\'s too expensive', 'That\'s a lot of money', 'Your prices are too high', 'I didn\'t expect it to cost that much', 'It\'s more than we planned to spend', 'Too rich for our blood', 'We can\'t justify that price', 'Way too much for what it is', 'You\'re asking too much', 'That\'s daylight robbery', 'Nobody pays that kind of money for this'],
      responses: [
        {
          text: 'I understand. Compared with what, may I ask? Let us look at what the price includes, and then decide together whether it is worth it.',
          why: 'A "too expensive" has a reference point; once you know it you can compare value, not just figures.',
        },
        {
          text: 'There are three options at different prices. Let me show you what the standard one leaves out, so you can choose knowingly.',
          why: 'Three options give the client a choice other than "buy or leave".',
        },
      ],
    },
    'price-found-cheaper': {
      phrasings: ['I found it cheaper elsewhere', 'Another company offered a lower price', 'It\'s cheaper online', 'Someone else offers it for less', 'Other suppliers charge less', 'Your competitor is cheaper', 'The shop down the road sells it for less', 'Online it costs half as much'],
      responses: [
        {
          text: 'Thank you for telling me. Could you show me their offer? Let us compare item by item: delivery, warranty, terms. If they really offer the same for less, I will tell you honestly.',
          why: 'Comparing line by line often reveals differences in what is included; honesty keeps trust either way.',
        },
      ],
    },
    'price-no-budget': {
      phrasings: ['We don\'t have the budget', 'There\'s no money for it right now', 'It\'s not in this year\'s budget', 'It\'s beyond our means', 'Our budget is used up', 'We\'re short of cash', 'There are no funds left for this', 'We\'ve spent everything we had planned', 'Finances won\'t allow it this year'],
      responses: [
        {
          text: 'When is the budget planned? Let us prepare the figures in time for that date, and meanwhile I can suggest a first step that costs less.',
          why: 'It turns a "no" into a date and keeps the client in the pipeline.',
        },
        {
          text: 'Would payment in instalments or a smaller first order help?',
          why: 'Sometimes the problem is the cash flow, not the amount.',
        },
      ],
    },
    'price-discount-demand': {
      phrasings: ['Give me a discount and I\'ll buy', 'What discount can you offer?', 'Everyone gives discounts these days', 'Can you come down a bit?', 'Is there any room on the price?', 'Lower the price and we\'ll order', 'Drop the price and I\'ll take it', 'Is that your final price?', 'Meet me halfway on the price'],
      responses: [
        {
          text: 'I can offer better terms for a larger volume or a longer commitment. Which of those would work for you?',
          why: 'A discount is exchanged for something; that protects the price and the margin.',
        },
      ],
    },
    'competitor-have-supplier': {
      phrasings: ['We already have a supplier', 'We\'re happy with who we use now', 'We work with another company', 'We already buy from another supplier', 'Someone else handles that for us', 'We buy direct from the manufacturer', 'We have a dealer we use', 'Someone else already supplies us', 'That\'s taken care of by our current supplier'],
      responses: [
        {
          text: 'That is good, it means the process works. Many of our clients keep two suppliers so they are never left without stock. What would a second supplier have to do better to be useful to you?',
          why: 'We do not ask the client to drop anyone, only to add a backup; that is an easy step.',
        },
      ],
    },
    'competitor-better-terms': {
      phrasings: ['The competitors offer better terms', 'They give a longer deferral', 'Others include delivery for free', 'They give us longer to pay', 'Their payment terms are better', 'They give us bonuses for volume', 'The other supplier offers credit', 'They beat you on the conditions'],
      responses: [
        {
          text: 'Which of their terms matters most to you? Tell me what they offer, and I will see what we can put against it.',
          why: 'Learning the competitor\'s offer from the client is the basis for a counter-offer.',
        },
      ],
    },
    'competitor-long-relationship': {
      phrasings: ['We\'ve worked with them for years', 'They\'re our friends, we won\'t change', 'We\'re loyal to our partner', 'We\'ve had the same supplier for years', 'We go back a long way with them', 'We trust the people we buy from now', 'We\'re not going to switch', 'Our family has bought from them for decades', 'We stick with the people we know', 'They\'ve always delivered, so why leave?'],
      responses: [
        {
          text: 'I respect that; loyalty is rare. I am not asking you to change. Let us start with a small order on a product they do not have, so you can compare without risk.',
          why: 'A small, different order does not threaten the relationship and opens the door.',
        },
      ],
    },
    'timing-not-now': {
      phrasings: ['Not now', 'It\'s not the right time', 'Let\'s come back to this later', 'Maybe next quarter', 'Now isn\'t a good time', 'Maybe some other time', 'Let\'s leave it for now', 'Get back to me in a few months', 'It\'s too early to talk about it', 'Ask me again in the autumn'],
      responses: [
        {
          text: 'Understood. When would be the right time, so I do not bother you earlier? I will put it in my calendar.',
          why: 'A date turns "later" into a scheduled callback that the CRM reminds you about.',
        },
      ],
    },
    'timing-call-later': {
      phrasings: ['Call me back later', 'I\'m busy right now', 'I can\'t talk now', 'Phone me after my meeting', 'Phone me this afternoon instead', 'I\'m on the road, phone me later', 'I\'m out of the office, call me tomorrow', 'I\'m up to my eyes right now, ring me back', 'Let\'s speak in a couple of hours'],
      responses: [
        {
          text: 'Of course. Which day and time is convenient for you? I will call exactly then.',
          why: 'Agreeing an exact time shows respect, and calling on time builds trust.',
        },
      ],
    },
    'timing-after-holidays': {
      phrasings: ['Let\'s talk after the holidays', 'Call me back after the New Year', 'Everything stops for the holidays, come back in January', 'Everyone is on vacation until next month', 'We\'re closed over the holidays', 'After the summer break we can talk', 'Half the team is on leave until the break is over', 'The whole place shuts down for the holidays', 'Let\'s pick it up again in the new year'],
      responses: [
        {
          text: 'Of course, the holidays come first. Let us fix a day now: would the first Tuesday after the holidays suit you, in the morning or after lunch? Before then I will send a short summary, so we pick up where we left off.',
          why: 'A fixed day turns a polite deferral into an appointment, and a summary keeps the offer fresh after the break.',
        },
      ],
    },
    'timing-off-season': {
      phrasings: ['The season is over', 'We\'ll think about it next year', 'Nobody buys this now', 'We only stock this in season', 'It\'s the wrong time of year for that', 'Come back before the season starts', 'There\'s no demand for it at this time of year', 'It\'s a summer product, that time has passed', 'The season for that is long gone', 'That sells in season; we\'re outside it'],
      responses: [
        {
          text: 'That is exactly why now is a good time: prices are lower and delivery is quicker. Let us fix the order for the start of the season at today\'s terms.',
          why: 'Off-season is an argument for buying early, not for waiting.',
        },
      ],
    },
    'trust-never-heard': {
      phrasings: ['I\'ve never heard of you', 'Who are you, anyway?', 'How long have you been on the market?', 'I can\'t find any reviews of you', 'Are you a real company?', 'Nobody here knows your name', 'I\'ve never come across your firm', 'How do I know you\'re for real?', 'Where are you based, what sort of firm is this?'],
      responses: [
        {
          text: 'Fair question. We have been working since … and our clients include … I can give you the contact of a client in your industry so you can ask them directly.',
          why: 'A reference from a peer is more convincing than anything we say about ourselves.',
        },
      ],
    },
    'trust-delivery-risk': {
      phrasings: ['What if you let us down on delivery?', 'I\'m worried you won\'t deliver on time', 'We\'ve been let down before', 'What if the goods never arrive?', 'I\'m afraid you\'ll be late', 'We haven\'t tried you yet, that worries me', 'If you miss the date, we\'re in trouble', 'If the delivery doesn\'t show up, our work stops', 'Can I count on you to deliver?'],
      responses: [
        {
          text: 'Let us write the delivery dates and the penalty into the contract. And let us start with a small order, so you can see how we work.',
          why: 'Contractual guarantees and a trial order take the risk off the client.',
        },
      ],
    },
    'trust-guarantees': {
      phrasings: ['What guarantees do I have?', 'Who will answer if something goes wrong?', 'How can I be sure?', 'What if it breaks down?', 'Who pays if it goes wrong?', 'Who is responsible if there\'s a problem?', 'Who covers it if it fails?', 'Do you stand behind what you sell?'],
      responses: [
        {
          text: 'Here is what our warranty covers and how quickly we respond. Your personal manager is me; this is my direct number.',
          why: 'Specific terms and a named person are more reassuring than general promises.',
        },
      ],
    },
    'need-dont-need': {
      phrasings: ['We don\'t need it', 'That\'s not for us', 'We have no use for it', 'We have no need for that', 'It\'s no use to us', 'We don\'t use that kind of thing', 'That\'s not something we need', 'We have nothing to use it for', 'That doesn\'t fit what we do'],
      responses: [
        {
          text: 'May I ask how you solve this today? If it works well, I will not insist; maybe there is something small we can make easier.',
          why: 'A question about the current solution often uncovers a need the client did not name.',
        },
      ],
    },
    'need-have-everything': {
      phrasings: ['We already have everything', 'We\'re fully stocked', 'Nothing is needed at the moment', 'We bought plenty recently', 'We\'ve got plenty left', 'We\'re full up, there\'s no room for more', 'We have months of stock'],
      responses: [
        {
          text: 'Great. When do you usually restock? I will get in touch a little before then, so you do not have to look for a supplier in a hurry.',
          why: 'It fixes the next purchase moment in the client\'s lifecycle.',
        },
      ],
    },
    'need-too-small': {
      phrasings: ['We\'re too small for that', 'It\'s for big companies', 'Our volumes are too small', 'We\'re a small shop', 'We\'d never sell that much', 'That\'s far too much for a business our size', 'We only need a few pieces', 'We don\'t need volumes like that', 'We\'re just a few people'],
      responses: [
        {
          text: 'Many of our clients started with small orders. We have a standard option made for exactly that volume.',
          why: 'It shows the client they are welcome and that a fitting option exists.',
        },
      ],
    },
    'authority-not-decider': {
      phrasings: ['I don\'t decide this', 'That\'s not my decision', 'You need to talk to my boss', 'I\'m not in charge of buying', 'I don\'t have the authority', 'That\'s above my pay grade', 'I just work here', 'It\'s not my call', 'You\'d have to speak to whoever\'s in charge'],
      responses: [
        {
          text: 'Thank you for telling me. Who makes the decision? Could we meet together, so that you do not have to retell everything?',
          why: 'It finds the decision-maker and keeps the current contact as an ally.',
        },
      ],
    },
    'authority-boss-approval': {
      phrasings: ['I have to get my boss\'s approval', 'My manager needs to sign it off', 'I\'ll show it to the director first', 'The director has to approve it', 'I need my manager\'s signature', 'Anything this size needs the boss\'s OK', 'It needs sign-off from above', 'Only the boss signs orders', 'I can\'t order without the director\'s go-ahead'],
      responses: [
        {
          text: 'Of course. What will your boss look at first: the price, the terms or the risk? Let us prepare a one-page summary for them together, and I can join the conversation for five minutes to answer questions.',
          why: 'The contact becomes your ally with the person who approves, and a short summary makes sure the offer reaches the boss the way you would present it.',
        },
      ],
    },
    'authority-must-consult': {
      phrasings: ['I need to discuss it with my partner', 'I have to consult my colleagues', 'I\'ll talk to my wife', 'My partner needs to see this too', 'I\'ll ask my colleagues what they think', 'My co-founder has a say in this', 'I\'ll check with my husband', 'It\'s a family business, we decide together', 'I\'ll see what my business partner says'],
      responses: [
        {
          text: 'Of course. What questions do you think they will ask? Let us prepare the answers now, and I will send you a short summary.',
          why: 'A prepared summary helps the client present the offer well to the others.',
        },
      ],
    },
    'authority-tender-only': {
      phrasings: ['We only buy through tenders', 'Everything goes through procurement', 'Send it to the purchasing department', 'We have to put it out to tender', 'You need to be an approved supplier', 'Submit a bid when the tender opens', 'By law it has to go to tender', 'Wait for our call for bids'],
      responses: [
        {
          text: 'Understood. When is the next tender, and what criteria are used? We will prepare our bid in advance.',
          why: 'Knowing the criteria and the timetable in advance is a real advantage in a tender.',
        },
      ],
    },
    'quality-doubts': {
      phrasings: ['I\'m not sure about the quality', 'Is it any good?', 'It looks cheap', 'It looks flimsy', 'Will it hold up?', 'I doubt it will last', 'Is it strong enough for heavy use?', 'I\'m not convinced it\'s well made', 'Will it stand up to daily use?'],
      responses: [
        {
          text: 'Let me show you rather than tell you: here are the certificates, and here is a sample you can test yourself.',
          why: 'Trying it in hand convinces better than words.',
        },
      ],
    },
    'quality-bad-experience': {
      phrasings: ['Last time the quality was poor', 'We had problems with your product', 'It broke quickly', 'The previous batch was faulty', 'What we bought before didn\'t last', 'We had a lot of defects last time', 'It gave up almost straight away', 'We got burned with this before', 'The last order was nothing but trouble'],
      responses: [
        {
          text: 'I am sorry that happened. Tell me exactly what went wrong. I will pass it on to production and come back to you with an answer and a solution.',
          why: 'Taking responsibility and coming back with a fix can turn an unhappy client into a loyal one.',
        },
      ],
    },
    'quality-cheap-is-enough': {
      phrasings: ['The cheap one is good enough for us', 'We don\'t need premium', 'Any will do', 'We don\'t need anything fancy', 'The simplest version is fine for us', 'We\'d rather have the plain version', 'We don\'t need the top of the range', 'Something simple does the job'],
      responses: [
        {
          text: 'Then let us look at the standard option. I will only point out what it does not include, so that there are no surprises later.',
          why: 'We respect the choice and help the client make it knowingly.',
        },
      ],
    },
    'service-slow-delivery': {
      phrasings: ['Your delivery is too slow', 'We can\'t wait that long', 'Others deliver tomorrow', 'The lead time is too long', 'We need it sooner than that', 'Weeks of waiting won\'t work for us', 'Your delivery times are far too long', 'We can\'t wait weeks for it'],
      responses: [
        {
          text: 'What is the latest date that still works for you? Let me check what we can do: an express delivery or part of the order from stock.',
          why: 'Focusing on the client\'s real deadline often reveals a workable solution.',
        },
      ],
    },
    'service-no-support-after-sale': {
      phrasings: ['After the sale nobody will answer', 'Everyone disappears once they\'re paid', 'Who will help me later?', 'After we buy, we\'re on our own', 'Who do I call when something needs fixing?', 'Suppliers vanish after the sale', 'There\'s never any after-sales support', 'After payment nobody cares', 'Will anyone come out for repairs?'],
      responses: [
        {
          text: 'With us it is the other way round: a week after the purchase I will call you myself, and service will remind you about maintenance. Here is our schedule of contacts.',
          why: 'The lifecycle schedule is proof that we stay in touch after the sale.',
        },
      ],
    },
    'service-bad-last-time': {
      phrasings: ['Last time your service was terrible', 'Nobody called me back', 'Your staff were rude', 'We were treated badly last time', 'Your manager shouted at me', 'We never got an apology', 'Your people were rude to us', 'Your people treated us like dirt', 'We won\'t work with you again'],
      responses: [
        {
          text: 'Thank you for being frank. I apologise. From now on I am your personal manager and you can call me directly. What can I do for you today?',
          why: 'Nearly seven out of ten clients leave because of indifference; a personal contact repairs it.',
        },
      ],
    },
    'other-send-info': {
      phrasings: ['Just send me the information', 'Email me your offer', 'Send a price list and I\'ll look', 'Send me something in writing', 'Drop me an email with the details', 'Do you have a brochure?', 'Put it in writing for me', 'Send over the details and I\'ll read them', 'Have you got anything in writing?'],
      responses: [
        {
          text: 'Gladly. To send what is useful and not the whole catalogue, may I ask two quick questions? And when shall I call to hear your opinion?',
          why: 'Questions make the offer personal, and an agreed call time keeps the conversation going.',
        },
      ],
    },
    'other-think-it-over': {
      phrasings: ['I\'ll think about it', 'Let me think it over', 'I need time to decide', 'This needs some thought', 'Give me some time to consider', 'I can\'t decide on the spot', 'I\'ll chew it over', 'I\'d like to think about it a bit longer', 'Let me reflect on it', 'I\'m not ready to decide yet'],
      responses: [
        {
          text: 'Of course. What exactly would you like to think over: the price, the terms, or something else? Perhaps I can answer right now.',
          why: '"I\'ll think about it" usually hides a specific doubt; naming it lets you answer it.',
        },
        {
          text: 'Of course, take your time. When shall I call you to hear what you decided: on Thursday, or early next week?',
          why: 'Most clients who need to think are putting the decision off; an agreed call keeps it from drifting.',
        },
      ],
    },
    'other-not-interested': {
      phrasings: ['Not interested', 'We don\'t need anything', 'Please don\'t call again', 'Remove our number', 'Stop calling us', 'This isn\'t for us, don\'t bother', 'Please stop ringing us'],
      responses: [
        {
          text: 'I understand and will not insist. May I ask one question: what would have to happen for this to become interesting for you?',
          why: 'One calm question keeps the door open without pressure.',
        },
      ],
    },
  },

  sections: {
    'client-profile': {
      title: 'Who our client is',
      description:
        'Describe your client so that a new manager recognises them after one read: who buys, who decides, what they value, how often they buy. Write down the segments you use and what you offer each of them.',
      steps: [
        { title: 'Segments', why: 'A manager works differently with a farm that owns twenty tractors and with a private buyer.' },
        { title: 'Who buys and who decides', why: 'The buyer is often not the decision-maker; both need attention.' },
        { title: 'How often they buy and why they come back', why: 'The buying cycle sets the schedule of touches.' },
      ],
    },
    'client-path': {
      title: 'The client\'s path',
      description:
        'From the first contact to repeat purchases: what happens at each stage, who is responsible and what is recorded on the card. Think about the repeat sale from the very first contact: gather details that will help later.',
      steps: [
        { title: 'First contact and needs', script: '{{greeting}}, my name is {{manager.name}}, {{company.name}}. To offer you something useful, may I ask a few questions?', why: 'Questions first, offer second.' },
        { title: 'Offer with three options', why: 'A choice between options instead of a choice between yes and no.' },
        { title: 'Deal and the first purchase', why: 'The quality of the first experience decides whether there will be a second.' },
        { title: 'After-sales touches', why: 'A client who hears nothing from us assumes we lost interest and starts looking elsewhere.' },
        { title: 'Repeat purchase and feedback', why: 'The second purchase should be easier than the first: we already know the client\'s data.' },
      ],
    },
    'pricing-principles': {
      title: 'Pricing principles',
      description:
        'How we form prices and when a discount is allowed. A discount is always given in exchange for something (volume, term, prepayment) and always has an expiry date.',
      steps: [
        { title: 'Three options for every offer', why: 'Standard, professional, premium: the client chooses the level, not whether to buy.' },
        { title: 'Discount only in exchange', why: 'A discount for nothing teaches the client to bargain.' },
        { title: 'Time-limited offers', why: 'For a client who left over price, a discount valid up to three months brings them back without lowering the price list.' },
        { title: 'Second-purchase discount on the card', why: 'Any manager can see the amount and the expiry date when the client returns.' },
      ],
    },
    'selling-points': {
      title: 'Our unique selling points',
      description:
        'What we do better than the competitors, in words a client understands. Check the list regularly: what was unique yesterday is the market standard today. Feedback from clients is the best source for new points.',
      steps: [
        { title: 'Client benefit, not a feature', why: 'The client buys the result, not the specification.' },
        { title: 'Proof for every point', why: 'Prove, do not persuade: figures, certificates, references.' },
      ],
    },
    'loyalty-programme': {
      title: 'Loyalty programme',
      description:
        'Which loyalty tools we use, who can join and how bonuses are counted. The bonus history of every client is kept on the card.',
      steps: [
        { title: 'Bonus points and cumulative discounts', why: 'The client sees the benefit of staying grow over time.' },
        { title: 'Subscriptions and certificates', why: 'A subscription brings the client back several times and builds a habit.' },
        { title: 'Personal attention', why: 'Addressing by name and greeting on birthdays matters more than the size of the gift.' },
      ],
    },
    'sales-controls': {
      title: 'How the head of sales keeps track',
      description:
        'Repeat sales should bring 30 to 50 percent of revenue; with a systematic approach up to 90 percent of clients buy again. The head of sales watches a few simple figures.',
      steps: [
        { title: 'TOP-50 list', why: 'The best clients are tracked over time so that a drop is noticed at once.' },
        { title: 'Revenue compared with the same period last year', why: 'It shows the real trend, free of seasonality.' },
        { title: 'Plan for next month: previous result plus 10%', why: 'A reachable, measurable target for each manager.' },
        { title: 'Touches done versus due', why: 'Overdue touches are tomorrow\'s lost clients.' },
      ],
    },
    'product-knowledge': {
      title: 'Product knowledge: questions and answers',
      description:
        'A client trusts a seller who knows the product. Collect every question clients ask, write the answers, check that managers know them, and keep adding new questions from negotiations and whenever the product changes. Practise in question-and-answer form: it is the easiest way to remember.',
      steps: [
        { title: 'Collect every client question about the product', why: 'The questions come from real meetings, not from a catalogue.' },
        { title: 'Write the answers', why: 'One agreed answer instead of everyone\'s own version.' },
        { title: 'Certify the managers', why: 'Whoever does not pass does not go to negotiations alone.' },
        { title: 'Add new questions after meetings', why: 'The base grows with every negotiation.' },
        { title: 'Update when the product changes', why: 'An outdated answer is worse than none.' },
      ],
    },
    'dont-know-answer': {
      title: 'When you do not know the answer',
      description:
        'Nobody knows everything. What matters is to keep the status of an expert while you find the answer. Five steps.',
      steps: [
        { title: 'Stay calm', script: '(Pause, breathe, keep eye contact.)', why: 'As long as you are calm, the client still sees an expert.' },
        {
          title: 'Clarify by repeating the question, and write it down',
          script: 'Let me make sure I understood you: you would like to know … , is that right?',
          why: 'It shows you listen carefully and gives you a moment to think.',
        },
        {
          title: 'Say, with a smile, that nobody has asked this for a long time',
          script: 'To be honest, I cannot remember the last time someone asked me that.',
          why: 'It explains the pause without admitting incompetence.',
        },
        {
          title: 'Turn it into a compliment of the client\'s expertise',
          script: 'It is rare to meet someone who knows the subject this deeply.',
          why: 'The unknown question becomes proof of the client\'s professionalism, not of your ignorance.',
        },
        {
          title: 'Ask permission to check with the product owner',
          script: 'Allow me to check this with our product specialist; something may have changed. It will take a minute.',
          why: 'A precise answer a minute later is better than a guess now; the client agrees to wait.',
        },
      ],
    },
    'negotiation-questionnaire': {
      title: 'The negotiation questionnaire',
      description:
        'A one-page list of questions to ask at the meeting, with room for the answers. It gathers everything that shapes the offer: current suppliers, items and volumes, deadlines, who else decides, payment, order sizes. At least ten questions.',
      steps: [
        { title: 'Start with easy, even abstract questions', why: 'The client warms up and starts talking.' },
        { title: 'Put complex questions in the middle', why: 'By then there is trust, and there is time to discuss.' },
        { title: 'Finish with questions that lead to a "yes"', why: 'The meeting ends on agreement, and the next step is easy.' },
        { title: 'Write down every answer', why: 'What is not written down is forgotten by the time the offer is prepared.' },
      ],
    },
    'cold-calls': {
      title: 'Cold calls',
      description:
        'A cold call is a way to win new clients: the person does not expect our call and has not thought about working with us. The goal of the first call is not a sale but the next step: a meeting or a request for an offer.',
      steps: [
        {
          title: 'Greeting and introduction',
          script: '{{greeting}}! My name is {{manager.name}}, I am calling from {{company.name}}.',
          why: 'A clear name and company at the start show that this is a business call, not spam.',
        },
        {
          title: 'Purpose of the call and the right person',
          script: 'Who in your company can I talk to about purchasing …?',
          why: 'Talking to the wrong person wastes both sides\' time.',
        },
        {
          title: 'Reason for the conversation',
          script: 'We work with companies like yours in … and help them … I would like to understand whether that could be useful to you too.',
          why: 'A relevant reason answers the silent question "why are you calling me?".',
        },
        {
          title: 'Two or three qualifying questions',
          script: 'Tell me, please, how do you solve … today? Who are you working with?',
          why: 'Questions turn a monologue into a conversation and show whether there is a need.',
        },
        {
          title: 'A short value proposal',
          script: 'Then we could … That would give you …',
          why: 'One benefit tied to what you just heard, not a catalogue.',
        },
        {
          title: 'Handling the first objection',
          script: 'I understand. Many of our clients said the same before they tried …',
          why: 'The first objection is often a reflex; a calm answer keeps the conversation going.',
        },
        {
          title: 'Agreeing the next step',
          script: 'Let us meet for twenty minutes, I will show you the figures. Is Tuesday or Thursday better?',
          why: 'A choice between two dates is easier to accept than an open question.',
        },
        {
          title: 'Record the call and set the next touch',
          why: 'Without a record and a reminder the agreement is lost.',
        },
      ],
    },
    'cross-selling': {
      title: 'Cross-selling',
      description:
        'We offer products that share an audience with what the client already buys. The core attracts clients now; the periphery is sold in addition to it. An offer that brings the client no value does not work: prove the benefit, make it personal and let the client change their mind.',
      steps: [
        { title: 'State the benefit and advantage of each product', why: 'Without it there is nothing to combine.' },
        { title: 'Find combinations with the same audience and the new benefit they give', why: 'A combination must be useful to the client, not only to us.' },
        { title: 'Define the core and the periphery', why: 'The core brings the client; the periphery adds to the check.' },
        { title: 'Decide on discounts or bonuses for combinations where needed', why: 'A small incentive makes the first combined purchase easier.' },
        { title: 'Name and train the people responsible', why: 'Without an owner, combined sales remain a good intention.' },
        { title: 'Measure which products and combinations sell', why: 'Profitability by product, client and line shows what to keep.' },
        { title: 'Share one client base and reward assists', why: 'Sellers who work alone and are paid only for their own figures do not cross-sell.' },
      ],
    },
    'feedback-survey': {
      title: 'Client feedback',
      description:
        'Feedback shows what to improve and what competitors are doing. Ask open questions and rating questions; if the client says "4", ask why not 5. A quick survey each month is enough, a detailed one each quarter; take the season into account.',
      steps: [
        { title: 'Name the person responsible', why: 'A survey that belongs to everyone is run by no one.' },
        { title: 'Ask regularly, not once a year', why: 'A one-off "how are you?" reveals nothing.' },
        { title: 'Decide and act on the answers', why: 'Otherwise clients stop answering.' },
      ],
    },
    'lifecycle-touches': {
      title: 'Touches along the client lifecycle',
      description:
        'A purchase or another dated event starts a chain of contacts. Every touch in a scheme defines four things: when (an interval after the event or a period of the year), the goal, who makes it, and the channel.',
      steps: [
        { title: 'Interval after the purchase or another event', why: 'For example a week, a month, three months.' },
        { title: 'Or a fixed period of the year', why: 'Seasonal goods and farm work follow the calendar, not the purchase.' },
        { title: 'The goal of the contact', why: 'A call without a goal is a disturbance; a call with a reason is a service.' },
        { title: 'Who performs it', why: 'Sales, service, finance, trade-in: each calls with its own reason.' },
      ],
    },
  },

  churnReasons: {
    'staff-indifference': {
      reason: 'Indifferent attitude of staff',
      response: 'Personal contact: a named manager, regular touches, apologies and quick fixes when something went wrong.',
    },
    'product-quality': {
      reason: 'Unhappy with product quality',
      response: 'Survey the client, pass the findings to production and implement the wishes that are affordable.',
    },
    'competitor-offer': {
      reason: 'Competitors\' offers are more interesting',
      response: 'Learn the competitor\'s offer from the client and make a counter-offer.',
    },
    'changed-activity': {
      reason: 'The client changed their line of business (no longer needs the product)',
      response: 'Ask what changed and find the next need in the client\'s new cycle.',
    },
    relocation: {
      reason: 'The client moved',
      response: 'Offer delivery or remote service; pass the client to a colleague or partner in the new region.',
    },
    other: {
      reason: 'Other reasons',
      response: 'Ask the client directly and write the answer on the card.',
    },
    'too-expensive': {
      reason: 'The price became too high for the client',
      response: 'A time-limited discount (for example up to three months) or a standard option with a lower price.',
    },
    'poor-service': {
      reason: 'Poor service',
      response: 'Fix the service problem and restore personal contact.',
    },
    'supplier-silence': {
      reason: 'We went silent: no calls, visits or letters',
      response: 'Regular touches along the lifecycle; a client who hears nothing from us starts looking elsewhere.',
    },
  },

  buyerTypes: {
    advocate: {
      name: 'Advocate',
      description: 'Buys regularly and recommends us to others.',
      howToWork: 'Thank them, invite them to a referral programme, ask for a review, give early access to new products.',
    },
    loyal: {
      name: 'Loyal',
      description: 'Buys regularly but does not recommend us.',
      howToWork: 'Keep regular touches and make recommending easy: a bring-a-friend offer, a request for a review.',
    },
    defector: {
      name: 'Defector',
      description: 'Buys from us and from competitors.',
      howToWork: 'Find out what they buy elsewhere and why; offer a combination or terms that make buying everything from us convenient.',
    },
    'concession-seeker': {
      name: 'Concession seeker',
      description: 'Stays loyal only in exchange for special concessions. The source methodology calls this type a "terrorist"; the book names the behaviour instead.',
      howToWork: 'Give concessions only in exchange for volume or commitment, and watch the profitability of the client.',
    },
    mercenary: {
      name: 'Mercenary',
      description: 'Goes to whoever offers the most.',
      howToWork: 'Compete on total value rather than price; do not build the plan on this client.',
    },
    hostage: {
      name: 'Hostage',
      description: 'Has no other choice at the moment.',
      howToWork: 'Treat them especially well: a hostage leaves at the first chance if treated carelessly. Turn them into a loyal client.',
    },
  },

  loyaltyIdeas: {
    'loyalty-card': { title: 'Loyalty card', description: 'A card that identifies the client and gives them a member\'s benefits.' },
    'cumulative-discounts': { title: 'Cumulative discounts and bonuses', description: 'The discount grows with the total of purchases.' },
    'special-service-terms': { title: 'Special service terms', description: 'Priority service, longer warranty or free delivery for regular clients.' },
    'prizes-and-contests': { title: 'Prizes and contests', description: 'Draws and competitions among clients.' },
    'unique-experience': { title: 'A unique experience', description: 'Something the client cannot get elsewhere: a factory visit, a test drive, an event.' },
    'client-club': { title: 'Client club', description: 'A community of clients with its own meetings and privileges.' },
    'closed-resources': { title: 'Access to closed resources', description: 'Materials, prices or sales available only to members.' },
    'after-sales-service': { title: 'After-sales service', description: 'Support after the purchase: maintenance, advice, reminders.' },
    'coalition-programme': { title: 'Coalition programme', description: 'Bonuses shared with partner companies that have the same clients.' },
    'trade-in': { title: 'Trade-in', description: 'Taking back the old item when the client buys a new one.' },
    'client-training': { title: 'Client training', description: 'Teaching clients to get more from the product.' },
    'support-24-7': { title: '24/7 support', description: 'A line that answers at any hour.' },
  },

  promotionIdeas: {
    'bundle-offer': { title: 'Bundle offer', description: 'Several products together for less than separately.' },
    scarcity: { title: 'Limited time', description: 'An offer valid only this week or for the next three days.' },
    'first-access': { title: 'First access', description: 'Pre-order of a new product for regular clients.' },
    'weekend-offer': { title: 'Weekend offer', description: 'Discounts on orders placed on Saturday and Sunday.' },
    'personal-selection': { title: 'Personal selection', description: 'Products chosen for the client from what they viewed or bought before.' },
    'buy-more-save-more': { title: 'Buy more, save more', description: 'A modest discount that grows with the order size.' },
    'small-gift': { title: 'A small gift', description: 'A useful little thing that reminds the client of your brand.' },
    'loyalty-points': { title: 'Loyalty points', description: 'Points for each purchase, redeemed on the next one.' },
    'price-match': { title: 'Found it cheaper?', description: 'We refund the difference if the client finds the same product for less.' },
    'bring-a-friend': { title: 'Bring a friend', description: 'A bonus for the client when a friend they referred buys.' },
    'birthday-gift': { title: 'Birthday gift', description: 'A special offer before the client\'s birthday.' },
    'subscribers-only': { title: 'Subscribers only', description: 'An offer for one channel: the mailing list or a social page.' },
    'old-for-new': { title: 'Old for new', description: 'The client hands in the old item and pays a little extra for a new one.' },
    'gift-certificates': { title: 'Gift certificates', description: 'For clients who want to give a present but cannot choose.' },
    'tell-a-story': { title: 'Tell a story', description: 'A contest for the best story about using the product.' },
    'family-purchase': { title: 'Family purchase', description: 'A discount or gift when buying for the whole family.' },
    'service-as-bonus': { title: 'Service as a bonus', description: 'Installation or set-up free of charge.' },
    'master-class': { title: 'Master class', description: 'Clients share or attend a master class with the product.' },
    'review-bonus': { title: 'Bonus for a review', description: 'Points for a review after the order.' },
    'two-plus-one': { title: 'Two plus one', description: 'A set in which one item is free.' },
  },

  campaigns: {
    'year-end-restock': {
      name: 'Year-end restock',
      description: 'From late November to mid-December, clients who buy consumables hear from us before the holidays slow deliveries down, so they do not run out in January.',
      audience: { categories: ['consumables', 'supplies', 'cartridges', 'filters'] },
      goal: 'Before the holidays: offer to repeat the client\'s usual consumables order so it arrives in time',
      script: '{{greeting}}, {{client.firstName}}, {{manager.name}} from {{company.name}}. Deliveries slow down over the holidays, so many of our clients restock before the middle of December. Shall I put together your usual order so it reaches you in time?',
    },
  },
  segments: {
    'farm-group': {
      name: 'Farm group by fleet size',
      description:
        'Farms are called in the order of their fleet: group A first. The largest fleets need the most parts and order early, so in February they hear from us before anyone else. The card field with the number of machines decides; without it, the machines the farm bought from us are counted.',
      appliesTo: { tags: ['farm', 'agriculture', 'agro'] },
      cardLabels: ['Machines', 'Number of machines', 'Fleet size'],
      counted: { categories: ['tractor', 'combine', 'farm machinery'] },
      groups: {
        A: 'Large fleet: 10 machines or more',
        B: '3 to 9 machines',
        C: 'Up to 2 machines',
      },
    },
  },
};

export const enBook = buildDefaultBook('en', enTexts);
