// Events about source records (transactions, products, interactions, …), one node per system:eventId.
CREATE CONSTRAINT event_key IF NOT EXISTS FOR (e:Event) REQUIRE e.key IS UNIQUE;
